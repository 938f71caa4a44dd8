package org.payrisk.report.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run directory file the report reads is missing or does not match the output contract.
 *
 * <p>The message is one line: the file, the field path when there is one, and what is wrong, e.g.
 * {@code output/ot/summary.json: models[1].netIncome.p05: expected a number, found "abc"}. It is a
 * user-facing error (exit code 2 in the CLI), never a bug report.
 */
public final class ReportInputException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a problem in one file.
     *
     * @param file the file that is missing or wrong
     * @param problem what is wrong, one line, starting with the field path when there is one
     */
    public ReportInputException(Path file, String problem) {
        super(oneLine(file + ": " + problem));
    }

    /**
     * Creates the exception for a problem in one file, keeping the low-level cause for debugging.
     *
     * @param file the file that is missing or wrong
     * @param problem what is wrong, one line
     * @param cause the parser or I/O error behind it
     */
    public ReportInputException(Path file, String problem, Throwable cause) {
        super(oneLine(file + ": " + problem), cause);
    }

    /** Parser messages sometimes span lines; the CLI prints this message as one paragraph line. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
