package org.payrisk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.render.ReportRenderer;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioLoader;

/**
 * The run pipeline outside the command line: the files of a run, run.json written before the report (so the
 * report's provenance reads it) and again after with the report's time, and summary.json a pure function of
 * scenario, seed and trials.
 */
class RunPipelineTest {

    @TempDir
    Path tmp;

    @Test
    void writesEveryFileOfARunAndRunJsonTwice() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/solo-practice.yaml"));
        RunPipeline.Simulated run = RunPipeline.simulate(scenario, new RunSettings(60, 11, 2), new LocalEngine(),
                SimulationEngine.Progress.NONE);
        Path a = Files.createDirectories(tmp.resolve("a"));
        List<String> seenByRender = new ArrayList<>();
        RunPipeline.write(run, a, true, dir -> {
            seenByRender.add(new ObjectMapper().readTree(dir.resolve("run.json").toFile()).has("reportSeconds")
                    ? "run.json with report time" : "run.json without report time");
            return ReportRenderer.render(dir);
        });
        assertEquals(List.of("run.json without report time"), seenByRender);
        for (String f : List.of("summary.json", "scenario.yaml", "trials.csv", "run.json", "report.html", "brief.md")) {
            assertTrue(Files.isRegularFile(a.resolve(f)), f);
        }
        JsonNode runJson = new ObjectMapper().readTree(a.resolve("run.json").toFile());
        assertTrue(runJson.get("reportSeconds").asDouble() > 0);
        assertTrue(runJson.get("wallSeconds").asDouble() >= runJson.get("simulationSeconds").asDouble());
        double summarySeconds = runJson.get("summarySeconds").asDouble(-1);
        assertTrue(summarySeconds > 0 && summarySeconds < runJson.get("simulationSeconds").asDouble(),
                "the statistics' share of the simulation time: " + summarySeconds);
        assertEquals(60, runJson.get("trials").asInt());

        Path b = Files.createDirectories(tmp.resolve("b"));
        RunPipeline.write(RunPipeline.simulate(scenario, new RunSettings(60, 11, 1), new LocalEngine(),
                SimulationEngine.Progress.NONE), b, false, null);
        assertArrayEquals(Files.readAllBytes(a.resolve("summary.json")), Files.readAllBytes(b.resolve("summary.json")),
                "same scenario, seed and trials on 1 and 2 threads");
        assertFalse(Files.exists(b.resolve("trials.csv")));
        assertFalse(Files.exists(b.resolve("report.html")));
        assertFalse(new ObjectMapper().readTree(b.resolve("run.json").toFile()).has("reportSeconds"));
    }
}
