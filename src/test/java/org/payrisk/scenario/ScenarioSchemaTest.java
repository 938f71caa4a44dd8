package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema editors use ({@code docs/scenario.schema.json}) against the reader, which stays
 * the authority:
 * <ul>
 * <li>the committed file is the generated one, byte for byte;</li>
 * <li>an independent validator (networknt json-schema-validator, its own YAML parser) accepts every
 *     shipped scenario, the starter of {@code payrisk init} and a fixture with every block;</li>
 * <li>structural mistakes the reader refuses (unknown key, wrong type, out of range, unknown family
 *     or rule) the schema refuses too;</li>
 * <li>the schema is no stricter than the reader: each number just beyond a bound of the schema is
 *     refused by the reader too;</li>
 * <li>block by block, the schema lists exactly the keys the reader accepts. The reader's keys are
 *     learnt from the reader itself: an unknown key is put into every mapping of the fixture and of
 *     the shipped scenarios, and the reader's refusal names the known keys.</li>
 * </ul>
 */
class ScenarioSchemaTest {

    private static final Path COMMITTED = Path.of(ScenarioSchema.COMMITTED);
    private static final Path REGENERATED = Path.of("target", "scenario.schema.json");
    private static final Path EVERY_BLOCK = Path.of("src/test/resources/org/payrisk/scenario/every-block.yaml");
    private static final Path STARTER = Path.of("src/main/resources/org/payrisk/cli/starter.yaml");
    private static final String HOW_TO_REGENERATE = "Regenerate it: `cp " + REGENERATED + " " + COMMITTED
            + "` (this test has just written the generated schema there), or `./payrisk schema --out " + COMMITTED
            + " --force`; then commit it.";
    private static final String UNKNOWN = "zzzNotAField";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Schema validator() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(ScenarioSchema.json(), InputFormat.JSON);
    }

    /** The YAML scenarios shipped in scenarios/ (files with a top-level models list: other YAML there is not a scenario). */
    static List<Path> shippedScenarios() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".yaml") || name.endsWith(".yml")) && YAML.readTree(p.toFile()).has("models")) {
                    out.add(p);
                }
            }
        }
        assertTrue(out.size() >= 10, "expected the shipped scenario library, found " + out);
        return out;
    }

    @Test
    void committedSchemaIsTheGeneratedOne() throws IOException {
        String generated = ScenarioSchema.json();
        Files.createDirectories(REGENERATED.getParent());
        Files.writeString(REGENERATED, generated, StandardCharsets.UTF_8);
        assertTrue(Files.exists(COMMITTED), COMMITTED + " is missing. " + HOW_TO_REGENERATE);
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail(COMMITTED + " is not the schema the declarations give (Blocks, RuleRegistry, DistributionReader "
                    + "families, ScenarioFields units). " + HOW_TO_REGENERATE);
        }
    }

    @Test
    void schemaIsValidDraft07AndDeterministic() throws IOException {
        JsonNode s = JSON.readTree(ScenarioSchema.json());
        assertEquals(ScenarioSchema.DRAFT, s.get("$schema").asText());
        assertEquals(ScenarioSchema.json(), ScenarioSchema.json());
        // the draft-07 meta-schema accepts it
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        List<Error> errors = meta.validate(ScenarioSchema.json(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void everyShippedScenarioValidates() throws Exception {
        Schema schema = validator();
        List<Path> files = new ArrayList<>(shippedScenarios());
        files.add(EVERY_BLOCK);
        files.add(STARTER);
        for (Path p : files) {
            ScenarioLoader.load(p); // the reader accepts it: the premise
            List<Error> errors = schema.validate(Files.readString(p), InputFormat.YAML);
            assertTrue(errors.isEmpty(), p + " is refused by the schema: " + errors);
        }
        Path json = Path.of("src/test/resources/ot-private-practice.json");
        ScenarioLoader.load(json);
        assertTrue(schema.validate(Files.readString(json), InputFormat.JSON).isEmpty(), json.toString());
    }

    /** Structural mistakes: each replaces one text of the fixture (which must occur exactly once). */
    static final String[][] BAD = {
        // unknown keys, at every level
        {"unknown top-level key", "warmUpMonths: 6\n", "warmUpMonths: 6\nwarmupMonths: 6\n"},
        {"unknown simulation key", "seed: 7,", "seed: 7, threads: 2,"},
        {"unknown practice key", "  workdaysPerMonth: 21\n", "  workdaysPerMonth: 21\n  workdays: 21\n"},
        {"unknown cost key", "perAttendedVisit: 25 }", "perAttendedVisit: 25, rent: 1 }"},
        {"unknown case key", "      visitsPerMonth: 8\n", "      visitsPerMonth: 8\n      visitsPerWeek: 2\n"},
        {"unknown cash key", "openingReceivables: steadyState }", "openingReceivables: steadyState, overdraft: 0 }"},
        {"unknown model key", "  - name: capitation\n", "  - name: capitation\n    description: x\n"},
        {"unknown payment rule", "      capitation:\n", "      capitations:\n"},
        {"unknown simple fee-for-service key", "{ evaluation: 120, perUnit: 35, denialRate: 0.04 }",
            "{ evaluation: 120, perUnit: 35, denialRate: 0.04, copay: 10 }"},
        {"unknown capitation key", "        settlementMonth: 15", "        settlementMonths: 15"},
        {"unknown kx key", "reviewTakeBack: 0.3,", "reviewTakeback: 0.3,"},
        {"unknown overlay", "- qualityWithhold:", "- qualityWithholding:"},
        {"unknown shared-savings key", "sharingRate: 0.5,", "sharingRate: 0.5, sharing: 0.5,"},
        {"unknown limits key", "delivered: false,", "delivered: false, capped: true,"},
        {"unknown distribution parameter", "{ poisson: { mean: 8 } }", "{ poisson: { mean: 8, sd: 2 } }"},
        {"unknown reconciliation key", "          discount: 0.03", "          discounts: 0.03"},
        {"unknown code field", "{ total: 29.06, pe: 16.85 }", "{ total: 29.06, pe: 16.85, mp: 1 }"},
        // wrong types
        {"text for a number", "  clinicians: 2\n", "  clinicians: two\n"},
        {"list for payer shares", "payers: { medicare: 0.5, commercial: 0.3, comp: 0.2 }", "payers: [medicare, commercial, comp]"},
        {"fraction for a whole number", "      visitsPerMonth: 8\n", "      visitsPerMonth: 8.5\n"},
        {"text for months", "horizonMonths: 12", "horizonMonths: twelve"},
        {"number for true or false", "delivered: false", "delivered: 0"},
        {"number for a list", "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "seasonality: 1"},
        {"number for a block", "costs: { fixedPerMonth: 20000, perAttendedVisit: 25 }", "costs: 20000"},
        {"mapping for a name", "name: Every block", "name: { text: Every block }"},
        {"mapping for the models list", "models:\n  - name: medicare-form\n", "models:\n  medicare-form:\n  - name: medicare-form\n"},
        // out of range
        {"probability above 1", "cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }", "cancellationRate: 1.5"},
        {"no clinicians", "  clinicians: 2\n", "  clinicians: 0\n"},
        {"more visits a day than the limit", "visitsPerClinicianDay: 10", "visitsPerClinicianDay: 101"},
        {"horizon of 0 months", "horizonMonths: 12", "horizonMonths: 0"},
        {"horizon above 120 months", "horizonMonths: 12", "horizonMonths: 121"},
        {"11 seasonality factors", "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"},
        {"negative share", "    - name: hand\n      share: 0.5", "    - name: hand\n      share: -0.5"},
        {"settlement in month 0", "settlementMonth: 15", "settlementMonth: 0"},
        {"fee schedule year not built in", "medicarePfs: 2026\n          conversionFactor", "medicarePfs: 2019\n          conversionFactor"},
        {"no trials", "trials: 100,", "trials: 0,"},
        {"MIPS adjustment beyond 9%", "mipsAdjustment: 0.01", "mipsAdjustment: 0.2"},
        {"conversion factor falling by more than 100%", "conversionFactorChange: 0\n", "conversionFactorChange: -1.5\n"},
        {"percent written as 95", "percent: 0.95", "percent: 95"},
        {"MIPS score above 100", "finalScore: 80", "finalScore: 120"},
        {"reserve above 1e12", "startingReserve: 30000", "startingReserve: 2e12"},
        {"units above a day's", "unitsPerVisit: { binomial: { n: 6, p: 0.5 } }", "unitsPerVisit: 100"},
        {"binomial n above its limit", "{ binomial: { n: 6, p: 0.5 } }", "{ binomial: { n: 70000, p: 0.5 } }"},
        {"visit longer than a day", "minutesPerVisit: 40", "minutesPerVisit: 2000"},
        // unknown families and malformed distributions, rules and forms
        {"unknown family negbinomial", "{ negativeBinomial: { mean: 30, dispersion: 10 } }", "{ negbinomial: { mean: 30, dispersion: 10 } }"},
        {"unknown family lnorm", "{ lognormal: { mean: 1.5, sd: 0.5 } }", "{ lnorm: { mean: 1.5, sd: 0.5 } }"},
        {"two families in one distribution", "{ poisson: { mean: 8 } }", "{ poisson: { mean: 8 }, uniform: { min: 1, max: 2 } }"},
        {"missing parameter", "{ poisson: { mean: 8 } }", "{ poisson: { } }"},
        {"two rules in one contract", "        feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.04 }\n",
            "        feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.04 }\n        capitation: { pmpm: 1, members: 10 }\n"},
        {"no rule in a contract", "      commercial:\n        feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.04 }\n",
            "      commercial:\n        paymentLagMonths: 1\n"},
        {"simple and Medicare forms mixed", "codeMix: { \"97530\": 1 }\n        mipsAdjustment", "codeMix: { \"97530\": 1 }\n        evaluation: 100\n        mipsAdjustment"},
        {"bundle and episode program mixed", "        reconciliation:\n", "        perEpisode: 1000\n        reconciliation:\n"},
        {"unknown receivables", "openingReceivables: steadyState", "openingReceivables: steady"},
        {"unknown MPPR variant", "mppr: none", "mppr: half"},
        // missing required fields
        {"practice without costs", "  costs: { fixedPerMonth: 20000, perAttendedVisit: 25 }\n", ""},
        {"model without a name", "  - name: bundled\n    default:", "  - default:"},
        {"case without a share", "    - name: neuro\n      share: 0.5\n", "    - name: neuro\n"},
    };

    @Test
    void structuralMistakesAreRefusedByTheSchemaToo() throws Exception {
        Schema schema = validator();
        String base = Files.readString(EVERY_BLOCK);
        List<String> problems = new ArrayList<>();
        for (String[] c : BAD) {
            int at = base.indexOf(c[1]);
            assertTrue(at >= 0 && base.indexOf(c[1], at + 1) < 0, c[0] + ": the fixture must hold `" + c[1] + "` exactly once");
            String text = base.replace(c[1], c[2]);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                    new ScenarioSource(Path.of("bad.yaml"), text.getBytes(StandardCharsets.UTF_8))), c[0] + ": the reader accepts it");
            List<Error> errors = schema.validate(text, InputFormat.YAML);
            if (errors.isEmpty()) {
                problems.add(c[0] + " (the reader says: " + e.getMessage() + ")");
            }
        }
        assertTrue(problems.isEmpty(), "the schema accepts mistakes the reader refuses: " + problems);
    }

    // ---- the cross-check ---------------------------------------------------------------------------

    private static final Pattern KNOWN_FIELDS = Pattern.compile("Known fields here: ([^.]*)\\.");
    private static final Pattern KNOWN_RULES = Pattern.compile("Known rules: ([^(]*) \\(beside them: ([^)]*)\\)");
    private static final Pattern KNOWN_OVERLAYS = Pattern.compile("expected exactly one overlay \\(([^)]*)\\)");
    private static final Pattern KNOWN_FAMILIES = Pattern.compile("one family name \\(([^)]*)\\)");
    /** Refusals of a name the user chooses (a payer, case or code): the mapping is open, by design. */
    private static final Pattern OPEN_MAPPING = Pattern.compile("summing to 1|unknown payer|unknown case|unknown CPT code|unknown input path"
            + "|the payment of code|expected a price for every case");

    @Test
    void schemaListsExactlyTheKeysTheReaderAccepts() throws Exception {
        JsonNode schema = JSON.readTree(ScenarioSchema.json());
        Map<String, String> constants = blockConstants();
        Map<JsonNode, String> definitionOf = new IdentityHashMap<>();
        schema.get("definitions").fields().forEachRemaining(e -> definitionOf.put(e.getValue(), e.getKey()));
        definitionOf.put(schema, "scenario");
        Set<String> compared = new TreeSet<>();
        Set<String> seenPaths = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.add(EVERY_BLOCK);
        files.addAll(shippedScenarios());
        for (Path file : files) {
            JsonNode tree = YAML.readTree(file.toFile());
            List<List<Object>> mappings = new ArrayList<>();
            collectMappings(tree, new ArrayList<>(), mappings);
            for (List<Object> path : mappings) {
                if (!seenPaths.add(normalised(path))) {
                    continue;
                }
                JsonNode copy = tree.deepCopy();
                ((ObjectNode) nodeAt(copy, path)).put(UNKNOWN, 1);
                String where = path.isEmpty() ? "the top level" : "`" + pathText(path) + "`";
                String message;
                try {
                    ScenarioLoader.parse(new ScenarioSource(Path.of(file.getFileName() + ".json"), JSON.writeValueAsBytes(copy)));
                    problems.add(file + ": the reader accepts an unknown key `" + UNKNOWN + "` at " + where);
                    continue;
                } catch (ScenarioException e) {
                    message = e.getMessage();
                }
                List<JsonNode> leaves = at(schema, schema, path);
                List<JsonNode> objects = leaves.stream().filter(l -> l.has("properties") || l.has("additionalProperties")).toList();
                Set<String> readerKeys = readerKeys(message);
                if (readerKeys == null) {
                    if (!OPEN_MAPPING.matcher(message).find()) {
                        problems.add(file + " at " + where + ": unexpected refusal of an unknown key: " + message);
                    } else if (objects.stream().noneMatch(l -> l.path("additionalProperties").isObject())) {
                        problems.add(file + " at " + where + ": the reader takes names chosen by the user here, but the "
                                + "schema has no additionalProperties schema for them");
                    }
                    continue;
                }
                // the reader's keys are those of all the forms together (feeForService, bundled) or of the one
                // form its keys select (a code in dollars or in RVUs)
                Set<String> schemaKeys = new LinkedHashSet<>();
                boolean oneForm = false;
                List<String> definitions = new ArrayList<>();
                for (JsonNode l : objects) {
                    Set<String> form = new LinkedHashSet<>();
                    l.path("properties").fieldNames().forEachRemaining(form::add);
                    schemaKeys.addAll(form);
                    oneForm |= objects.size() > 1 && form.equals(readerKeys);
                    String def = definitionOf.get(l);
                    if (def != null) {
                        definitions.add(def);
                        compared.add(def);
                    }
                    if (!l.path("additionalProperties").isBoolean() || l.path("additionalProperties").asBoolean()) {
                        problems.add(file + " at " + where + ": the reader refuses unknown keys here but the schema "
                                + "(definition " + def + ") does not say additionalProperties: false");
                    }
                }
                if (!schemaKeys.equals(readerKeys) && !oneForm) {
                    problems.add(mismatch(where, readerKeys, schemaKeys, definitions, constants));
                }
            }
        }
        // every block of the schema was compared with the reader at least once
        Set<String> closedDefinitions = new TreeSet<>();
        schema.get("definitions").fields().forEachRemaining(e -> {
            if (e.getValue().has("properties") && e.getValue().path("additionalProperties").isBoolean()) {
                closedDefinitions.add(e.getKey());
            }
        });
        closedDefinitions.add("scenario");
        closedDefinitions.removeAll(compared);
        assertTrue(closedDefinitions.isEmpty(), "blocks never compared with the reader: " + closedDefinitions
                + "; use each of them in " + EVERY_BLOCK);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String mismatch(String where, Set<String> reader, Set<String> schema, List<String> definitions,
                                   Map<String, String> constants) {
        Set<String> missing = new LinkedHashSet<>(reader);
        missing.removeAll(schema);
        Set<String> extra = new LinkedHashSet<>(schema);
        extra.removeAll(reader);
        List<String> blocks = definitions.stream().map(d -> constants.getOrDefault(d, "the declaration of `" + d + "`")).toList();
        String block = blocks.isEmpty() ? "the block" : String.join(" / ", blocks);
        StringBuilder b = new StringBuilder("At " + where + " the reader accepts " + reader + " but the schema lists " + schema + ".");
        if (!missing.isEmpty()) {
            b.append(" Missing from the schema: ").append(missing).append(". Declare each in ").append(block)
                    .append(" in src/main/java/org/payrisk/scenario/Blocks.java (a FieldSpec: name, type, required, one-line doc;"
                            + " its unit in ScenarioFields.UNITS), and let the reader take the block's keys from there"
                            + " (f.allowOnly(m, Blocks.X.keys())); a new payment rule is registered with its terms in RuleRegistry."
                            + " Then use the new block in " + EVERY_BLOCK + " so that its own keys are checked too.");
        }
        if (!extra.isEmpty()) {
            b.append(" In the schema but refused by the reader: ").append(extra).append(". Remove them from ").append(block)
                    .append(" or make the reader read them.");
        }
        return b.append(' ').append(HOW_TO_REGENERATE).toString();
    }

    /** Definition name to the constant of {@link Blocks} that declares it, e.g. scenario -> Blocks.ROOT. */
    private static Map<String, String> blockConstants() throws IllegalAccessException {
        Map<String, String> out = new LinkedHashMap<>();
        for (java.lang.reflect.Field f : Blocks.class.getDeclaredFields()) {
            if (f.getType() == FieldSpec.Block.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                out.put(((FieldSpec.Block) f.get(null)).id(), "Blocks." + f.getName());
            }
        }
        out.put("contract", "Blocks.CONTRACT_EXTRAS (or RuleRegistry for a rule)");
        out.put("distribution", "DistributionReader.FAMILIES");
        return out;
    }

    /** @return the keys the reader's refusal names as known, or null when it names none */
    private static Set<String> readerKeys(String message) {
        Matcher m = KNOWN_FIELDS.matcher(message);
        if (m.find()) {
            return split(m.group(1));
        }
        m = KNOWN_RULES.matcher(message);
        if (m.find()) {
            Set<String> out = split(m.group(1));
            out.addAll(split(m.group(2)));
            return out;
        }
        m = KNOWN_OVERLAYS.matcher(message);
        if (m.find()) {
            return split(m.group(1));
        }
        m = KNOWN_FAMILIES.matcher(message);
        if (m.find()) {
            return split(m.group(1));
        }
        return null;
    }

    private static Set<String> split(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            out.add(s.trim());
        }
        return out;
    }

    private static void collectMappings(JsonNode n, List<Object> path, List<List<Object>> out) {
        if (n.isObject()) {
            out.add(List.copyOf(path));
            n.fields().forEachRemaining(e -> {
                path.add(e.getKey());
                collectMappings(e.getValue(), path, out);
                path.remove(path.size() - 1);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                path.add(i);
                collectMappings(n.get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The path with list positions dropped, so each block of each kind is tried once per place. */
    private static String normalised(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object o : path) {
            b.append(o instanceof Integer ? "[]" : "." + o);
        }
        return b.toString();
    }

    private static String pathText(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object o : path) {
            if (o instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(o);
            }
        }
        return b.toString();
    }

    private static JsonNode nodeAt(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object o : path) {
            n = o instanceof Integer i ? n.get(i) : n.get((String) o);
        }
        return n;
    }

    /** The schemas that apply at {@code path}, with references and alternatives expanded. */
    private static List<JsonNode> at(JsonNode root, JsonNode schema, List<Object> path) {
        List<JsonNode> cur = expand(root, schema);
        for (Object seg : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode s : cur) {
                if (seg instanceof Integer) {
                    if (s.has("items")) {
                        next.addAll(expand(root, s.get("items")));
                    }
                } else if (s.path("properties").has((String) seg)) {
                    next.addAll(expand(root, s.get("properties").get((String) seg)));
                } else if (s.path("additionalProperties").isObject()) {
                    next.addAll(expand(root, s.get("additionalProperties")));
                }
            }
            cur = next;
        }
        return cur;
    }

    private static List<JsonNode> expand(JsonNode root, JsonNode s) {
        List<JsonNode> out = new ArrayList<>();
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            assertTrue(ref.startsWith("#/definitions/"), ref);
            out.addAll(expand(root, root.get("definitions").get(ref.substring("#/definitions/".length()))));
            return out;
        }
        boolean composite = false;
        for (String kw : List.of("allOf", "anyOf", "oneOf")) {
            if (s.has(kw)) {
                composite = true;
                s.get(kw).forEach(x -> out.addAll(expand(root, x)));
            }
        }
        if (!composite || s.has("properties") || s.has("additionalProperties") || s.has("items")) {
            out.add(s);
        }
        return out;
    }

    /**
     * The schema is no stricter than the reader at its bounds: every number of the fixture, set just
     * beyond each bound the schema gives it (minimum, exclusiveMinimum, maximum), is refused by the
     * reader too, so an editor never underlines a value payrisk would run.
     */
    @Test
    void everyBoundOfTheSchemaIsOneTheReaderHolds() throws Exception {
        JsonNode schema = JSON.readTree(ScenarioSchema.json());
        Schema validator = validator();
        JsonNode tree = YAML.readTree(EVERY_BLOCK.toFile());
        List<List<Object>> numbers = new ArrayList<>();
        collectNumbers(tree, new ArrayList<>(), numbers);
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (List<Object> path : numbers) {
            for (JsonNode leaf : at(schema, schema, path)) {
                if (!leaf.path("type").asText().matches("number|integer")) {
                    continue;
                }
                List<Double> beyond = new ArrayList<>();
                if (leaf.has("maximum")) {
                    beyond.add(leaf.get("maximum").asDouble() + Math.max(1, Math.abs(leaf.get("maximum").asDouble())));
                }
                if (leaf.has("minimum")) {
                    beyond.add(leaf.get("minimum").asDouble() - Math.max(1, Math.abs(leaf.get("minimum").asDouble())));
                }
                if (leaf.has("exclusiveMinimum")) {
                    beyond.add(leaf.get("exclusiveMinimum").asDouble());
                }
                for (double v : beyond) {
                    JsonNode copy = tree.deepCopy();
                    Object last = path.get(path.size() - 1);
                    JsonNode parent = nodeAt(copy, path.subList(0, path.size() - 1));
                    if (last instanceof Integer i) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(i, v == Math.rint(v) && Math.abs(v) < 1e15
                                ? JSON.getNodeFactory().numberNode((long) v) : JSON.getNodeFactory().numberNode(v));
                    } else {
                        ((ObjectNode) parent).set((String) last, v == Math.rint(v) && Math.abs(v) < 1e15
                                ? JSON.getNodeFactory().numberNode((long) v) : JSON.getNodeFactory().numberNode(v));
                    }
                    String json = JSON.writeValueAsString(copy);
                    tried++;
                    assertFalse(validator.validate(json, InputFormat.JSON).isEmpty(), pathText(path) + " = " + v);
                    try {
                        ScenarioLoader.parse(new ScenarioSource(Path.of("bound.json"), json.getBytes(StandardCharsets.UTF_8)));
                        problems.add(pathText(path) + " = " + v + ": the schema refuses it, the reader accepts it");
                    } catch (ScenarioException expected) {
                        // the reader holds the same bound
                    }
                }
            }
        }
        assertTrue(tried > 150, "only " + tried + " bounds tried");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void collectNumbers(JsonNode n, List<Object> path, List<List<Object>> out) {
        if (n.isNumber()) {
            out.add(List.copyOf(path));
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                path.add(e.getKey());
                collectNumbers(e.getValue(), path, out);
                path.remove(path.size() - 1);
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                path.add(i);
                collectNumbers(n.get(i), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    // ---- the modeline ------------------------------------------------------------------------------

    @Test
    void everyShippedScenarioAndTheStarterPointAtTheSchema() throws IOException {
        Path schema = COMMITTED.toAbsolutePath().normalize();
        for (Path p : shippedScenarios()) {
            String first = Files.readAllLines(p).get(0);
            assertTrue(first.startsWith("# yaml-language-server: $schema="), p + " has no modeline on its first line: " + first);
            Path target = p.toAbsolutePath().getParent().resolve(first.substring(first.indexOf('=') + 1).trim()).normalize();
            assertEquals(schema, target, p + ": the modeline must point at " + COMMITTED);
        }
        String starter = Files.readAllLines(STARTER).get(0);
        assertEquals("# yaml-language-server: $schema=" + ScenarioSchema.FILE_NAME, starter);
    }

    @Test
    void theModelineIsNoInputsNote() throws ScenarioException, IOException {
        String body = Files.readString(EVERY_BLOCK);
        assertTrue(body.startsWith("# yaml-language-server:"));
        // the modeline directly above the first input, with and without a header comment between
        for (String text : List.of(body.substring(body.indexOf("name:")),
                "# yaml-language-server: $schema=../docs/scenario.schema.json\n" + body.substring(body.indexOf("name:")),
                "# yaml-language-server: $schema=x.json\n# Figures: DOMAIN.md\n" + body.substring(body.indexOf("name:")))) {
            Scenario s = ScenarioLoader.parse(new ScenarioSource(Path.of("m.yaml"), text.getBytes(StandardCharsets.UTF_8)));
            ScenarioInput name = s.inputs().get(0);
            assertEquals("name", name.path());
            assertFalse(name.note().contains("yaml-language-server"), name.note());
            assertEquals(text.contains("Figures") ? "Figures: DOMAIN.md" : "", name.note());
        }
    }
}
