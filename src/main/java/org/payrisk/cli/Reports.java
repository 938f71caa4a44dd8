package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Renders charts, report.html and the brief into a run directory. */
final class Reports {
    private Reports() {
    }

    static void render(Path runDir) throws IOException {
        // wired to org.payrisk.report.render.ReportRenderer once that room lands
    }
}
