package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.payrisk.report.render.RenderResult;
import org.payrisk.report.render.ReportRenderer;

/** Renders charts, report.html and the brief into a run directory. */
final class Reports {
    private Reports() {
    }

    static RenderResult render(Path runDir) throws IOException {
        return ReportRenderer.render(runDir);
    }
}
