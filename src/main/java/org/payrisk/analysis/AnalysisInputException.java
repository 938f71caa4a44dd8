package org.payrisk.analysis;

/**
 * A sweep or solve request that cannot be carried out because of what the user asked for (a
 * malformed {@code --vary}, an invalid point, a target naming an unknown model, no root in the
 * bracket): a one-paragraph message, exit status 2, nothing written.
 */
public final class AnalysisInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected and what was found, naming the flag or path
     */
    public AnalysisInputException(String message) {
        super(message);
    }
}
