package org.payrisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.payrisk.dist.TrialStreams;
import org.payrisk.scenario.Scenario;

/**
 * Writes run.json: the provenance and timing of one run (layout in docs/output-format.md). Unlike
 * summary.json it holds the machine, the time and the durations, so it differs between two runs of the
 * same scenario. Thread safe (stateless).
 */
public final class RunJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    /**
     * @param file the file to write
     * @param run the simulation
     * @param wallSeconds seconds from the start of the simulation to the end of the report, or NaN before then
     * @param reportSeconds seconds spent rendering, or NaN when not rendered (yet)
     * @throws IOException on a write failure
     */
    public static void write(Path file, RunPipeline.Simulated run, double wallSeconds, double reportSeconds)
            throws IOException {
        Scenario scenario = run.scenario();
        int trials = run.settings().trials();
        double sim = run.simulationSeconds();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("payriskVersion", Version.get());
        o.put("engine", run.engineName());
        o.put("threads", run.settings().threads());
        o.put("seed", run.settings().seed());
        o.put("trials", trials);
        o.put("generator", TrialStreams.GENERATOR);
        o.put("javaVersion", System.getProperty("java.version"));
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        o.put("inputFile", scenario.source().path().toAbsolutePath().normalize().toString());
        o.put("inputSha256", scenario.source().sha256());
        o.put("startedAt", run.startedAt().toString());
        o.put("simulationSeconds", sim);
        o.put("summarySeconds", run.summarySeconds());
        if (!Double.isNaN(reportSeconds)) {
            o.put("reportSeconds", reportSeconds);
        }
        if (!Double.isNaN(wallSeconds)) {
            o.put("wallSeconds", wallSeconds);
        }
        o.put("trialsPerSecond", trials / sim);
        o.put("attendedVisitsPerSecond", run.attendedVisits() / sim);
        o.put("command", "payrisk run " + scenario.source().path());
        Files.write(file, (MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
