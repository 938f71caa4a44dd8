package org.payrisk.cli;

/** A command-line value that cannot be used (exit status 2, message only). */
final class UserInputException extends Exception {

    private static final long serialVersionUID = 1L;

    UserInputException(String message) {
        super(message);
    }
}
