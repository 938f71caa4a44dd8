package org.payrisk.cli;

import picocli.CommandLine.Option;

/** {@code --engine} and {@code --master}, shared by the commands that can run on Spark, with their one check. */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "NAME", description = "local (default: this machine's cores) or spark "
            + "(Apache Spark; same results). See README, Spark.")
    String name = "local";

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark: local[*], local[N] or "
            + "spark://HOST:PORT (default: spark-submit's, else local[*]).")
    String master;

    /** @throws UserInputException for an unknown engine, or a master without Spark */
    void check() throws UserInputException {
        if (!name.equals("local") && !name.equals("spark")) {
            throw new UserInputException("--engine: expected local or spark, found " + name);
        }
        if (master != null && !spark()) {
            throw new UserInputException("--master: applies only to --engine spark, found it with --engine " + name);
        }
    }

    /** @return whether the run goes to Spark */
    boolean spark() {
        return name.equals("spark");
    }
}
