package org.payrisk.scenario;

/**
 * A scenario file that cannot be used, with a one-paragraph message for the user:
 * {@code file:line:column: field.path: what was expected, what was found}. A user error, not a
 * bug: the command line prints the message alone and exits with status 2.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    /**
     * @param file the file as the user named it
     * @param line 1-based line, or 0 when the problem is the whole file
     * @param column 1-based column, or 0
     * @param path the field path, e.g. {@code demand.cases[1].share}, or empty
     * @param problem what was expected and what was found
     */
    public ScenarioException(String file, int line, int column, String path, String problem) {
        super(format(file, line, column, path, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(problem).toString();
    }

    /** @return the file */
    public String file() { return file; }

    /** @return 1-based line, 0 when unknown */
    public int line() { return line; }

    /** @return 1-based column, 0 when unknown */
    public int column() { return column; }

    /** @return the field path (may be empty) */
    public String path() { return path; }

    /** @return what was expected and what was found */
    public String problem() { return problem; }
}
