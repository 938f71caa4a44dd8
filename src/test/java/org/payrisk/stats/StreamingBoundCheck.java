package org.payrisk.stats;

import java.nio.file.Path;
import org.payrisk.scenario.ScenarioLoader;

/**
 * The streamed-versus-exact check of {@link StreamingSummaryTest} at a chosen size, as a program, so a
 * long measurement runs outside Maven: {@code java -cp target/classes:target/test-classes:CP
 * org.payrisk.stats.StreamingBoundCheck scenarios/ot-private-practice.yaml 1000000 20261127}. Exits
 * with a JUnit assertion error naming the figure if any is outside the stated bound.
 */
final class StreamingBoundCheck {

    private StreamingBoundCheck() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int trials = Integer.parseInt(args[1]);
        StreamingSummaryTest.bothPathsAgree(ScenarioLoader.load(Path.of(args[0])), trials, Long.parseLong(args[2]));
        System.out.printf("%s: %,d trials through both paths agree within the stated bound (%.0f s)%n", args[0], trials,
                (System.nanoTime() - t0) / 1e9);
    }
}
