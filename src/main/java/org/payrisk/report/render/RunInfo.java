package org.payrisk.report.render;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Provenance from a run's optional {@code run.json} (see {@code docs/output-format.md}). Every field is
 * optional text because run.json is informational and not deterministic; missing fields are empty
 * strings. Thread safe: immutable.
 *
 * @param payriskVersion version that ran the simulation
 * @param engine {@code local} or another engine's name
 * @param threads worker threads used
 * @param javaVersion Java runtime version
 * @param os operating system
 * @param inputFile scenario file as given on the command line
 * @param inputSha256 hex SHA-256 of the scenario file's bytes
 * @param startedAt ISO-8601 UTC start time of the run
 * @param simulationSeconds seconds spent simulating (known before the report is rendered, so re-rendering
 *                          gives the same page)
 * @param command the command line that made the run
 */
record RunInfo(String payriskVersion, String engine, String threads, String javaVersion, String os,
               String inputFile, String inputSha256, String startedAt, String simulationSeconds, String command) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads {@code run.json} if the run directory has one.
     *
     * @throws ReportInputException if the file exists but is not a JSON object
     */
    static Optional<RunInfo> find(Path runDir) throws ReportInputException {
        Path file = runDir.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ": ";
            throw new ReportInputException(file, where + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot read: " + e, e);
        }
        if (n == null || !n.isObject()) {
            throw new ReportInputException(file, "expected a JSON object");
        }
        return Optional.of(new RunInfo(text(n, "payriskVersion"), text(n, "engine"), text(n, "threads"),
                text(n, "javaVersion"), text(n, "os"), text(n, "inputFile"), text(n, "inputSha256"),
                text(n, "startedAt"), text(n, "simulationSeconds"), text(n, "command")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }
}
