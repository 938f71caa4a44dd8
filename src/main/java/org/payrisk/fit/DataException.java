package org.payrisk.fit;

/**
 * Data that cannot be fitted: an unreadable file, a missing column, a cell that is not a number of
 * the expected kind, too few values. A user error: the command line prints the message (which names
 * file:line:column, the row and the column, what was expected and what was found) and exits with 2.
 */
public final class DataException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message, located
     */
    public DataException(String message) {
        super(message);
    }
}
