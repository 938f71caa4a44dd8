package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.payrisk.report.render.RenderResult;
import org.payrisk.report.render.ReportRenderer;

/**
 * How {@code run} and {@code report} render a run folder: {@link ReportRenderer#render}, or, in tests,
 * a stand-in that fails part-way (a full disk) to check nothing partial is left behind.
 */
@FunctionalInterface
interface Renderer {

    /** The renderer the commands use; tests may swap it and must put it back. */
    Renderer[] CURRENT = {ReportRenderer::render};

    /**
     * @param runDir a run folder holding summary.json
     * @return what was written
     * @throws IOException when an output cannot be written
     */
    RenderResult render(Path runDir) throws IOException;

    /** @return the renderer in use */
    static Renderer current() {
        return CURRENT[0];
    }
}
