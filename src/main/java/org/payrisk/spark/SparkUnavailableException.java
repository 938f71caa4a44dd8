package org.payrisk.spark;

/**
 * Spark is missing, cannot start, or stopped during a run: an environment problem the user can fix
 * (put Spark on the class path, name a reachable master), reported without a stack trace.
 */
public final class SparkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one paragraph: what failed and what to do
     * @param cause the underlying failure (may be null)
     */
    public SparkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
