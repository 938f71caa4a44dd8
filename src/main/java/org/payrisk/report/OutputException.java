package org.payrisk.report;

/**
 * An output location the run cannot use (a non-empty directory without {@code --force}, a file in
 * the way, no permission). A user error: the command line prints the message and exits with 2.
 */
public class OutputException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected and what was found, naming the path
     */
    public OutputException(String message) {
        super(message);
    }
}
