package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's assumptions come from the scenario package's inputs (values after defaults, units,
 * lines, source notes); this class only words them, and never fails a re-render on an unreadable copy.
 */
class ScenarioAssumptionsTest {

    @TempDir
    Path dir;

    @Test
    void inputsInFileOrderThenDefaultsWithDistributionsAsTheScenarioWritesThem() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                practice:
                  # MGMA 2024 cost survey, median
                  costs: { fixedPerMonth: 28000, perAttendedVisit: 28.0 }   # per-visit pay
                demand:
                  newEpisodesPerMonth: { negativeBinomial: { mean: 42, dispersion: 15 } }
                retiredField: 7
                """);
        List<String> paths = sc.assumptions().stream().map(ScenarioAssumptions.Assumption::path).toList();
        assertEquals(List.of("practice.costs.fixedPerMonth", "practice.costs.perAttendedVisit", "demand.newEpisodesPerMonth",
                "retiredField"), paths.subList(0, 4));
        assertEquals("28,000", sc.at("practice.costs.fixedPerMonth").orElseThrow().value());
        assertEquals("MGMA 2024 cost survey, median", sc.at("practice.costs.fixedPerMonth").orElseThrow().note());
        assertEquals("per-visit pay", sc.at("practice.costs.perAttendedVisit").orElseThrow().note());
        assertEquals("negativeBinomial(mean 42, dispersion 15)", sc.at("demand.newEpisodesPerMonth").orElseThrow().value());
        assertEquals(5, sc.at("demand.newEpisodesPerMonth").orElseThrow().line());
        ScenarioAssumptions.Assumption horizon = sc.at("horizonMonths").orElseThrow();
        assertEquals(0, horizon.line(), "left at its default");
        assertEquals("default", horizon.note());
        assertTrue(sc.startingReserve().isEmpty(), "a default reserve is not one the file gives");
        assertFalse(sc.hasPaymentLags());
    }

    @Test
    void moneyWithCentsAndUnitsInWords() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                cash: { startingReserve: 50000 }
                models:
                  - name: ffs
                    default: { feeForService: { evaluation: 100.60, perUnit: 31.0 } }
                    paymentLagMonths: 1.5
                """);
        assertEquals("$100.60 per evaluation", sc.at("models[0].default.feeForService.evaluation").orElseThrow().inWords());
        assertEquals("$31 per billed unit", sc.at("models[0].default.feeForService.perUnit").orElseThrow().inWords());
        assertEquals("$50,000", sc.at("cash.startingReserve").orElseThrow().inWords());
        assertEquals(50_000.0, sc.startingReserve().orElseThrow());
        assertTrue(sc.hasPaymentLags());
    }

    @Test
    void jsonScenariosWork() throws IOException {
        Path f = Files.writeString(dir.resolve("scenario.json"),
                "{\n  \"name\": \"x\",\n  \"practice\": { \"costs\": { \"fixedPerMonth\": 1000 } }\n}\n");
        ScenarioAssumptions.Scenario sc = ScenarioAssumptions.find(dir).orElseThrow();
        assertEquals(f, sc.file());
        assertEquals("$1,000 per month", sc.at("practice.costs.fixedPerMonth").orElseThrow().inWords());
        assertEquals(3, sc.at("practice.costs.fixedPerMonth").orElseThrow().line());
    }

    /** An old run's copy that is not even YAML to this version: one row says so, and the re-render goes on. */
    @Test
    void anUnreadableCopyIsOneRowWithTheReasonNotAFailure() throws IOException {
        Files.writeString(dir.resolve("scenario.yaml"), "a: [1, 2\nb: c\n");
        ScenarioAssumptions.Scenario sc = ScenarioAssumptions.find(dir).orElseThrow();
        assertEquals(1, sc.assumptions().size(), sc.assumptions().toString());
        String value = sc.assumptions().get(0).value();
        assertTrue(value.startsWith("could not be read by this version of payrisk: "), value);
        assertTrue(value.contains("scenario.yaml"), "names the file and where: " + value);
    }

    @Test
    void noScenarioCopyIsFine() throws IOException {
        assertTrue(ScenarioAssumptions.find(dir).isEmpty());
    }

    private ScenarioAssumptions.Scenario read(String yaml) throws IOException {
        return ScenarioAssumptions.read(Files.writeString(dir.resolve("scenario.yaml"), yaml));
    }
}
