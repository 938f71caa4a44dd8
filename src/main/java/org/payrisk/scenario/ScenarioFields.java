package org.payrisk.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each scenario field means to a reader: its unit and when it is drawn, declared once here for
 * every consumer (the report's assumptions table and brief read them from here), and typed paths of
 * the inputs the brief names. {@code ScenarioFieldsTest} checks every path below against the reader,
 * so renaming a field breaks a test instead of silently dropping a line of the brief.
 */
public final class ScenarioFields {

    private ScenarioFields() {
    }

    /** When a value is drawn in a simulation. */
    public enum Drawn {
        /** A fixed setting, never drawn. */
        FIXED("fixed"),
        /** Once per trial (a simulated year). */
        PER_TRIAL("once per trial"),
        /** Each month. */
        PER_MONTH("each month"),
        /** Once per episode of care. */
        PER_EPISODE("once per episode"),
        /** Once per attended visit. */
        PER_VISIT("once per attended visit");

        private final String words;

        Drawn(String words) {
            this.words = words;
        }

        /** @return how a reader says it, e.g. "once per trial" */
        public String words() {
            return words;
        }
    }

    /** Typed paths of inputs the brief names. */
    public static final ScenarioPath CLINICIANS = ScenarioPath.parse("practice.clinicians");
    /** @see #CLINICIANS */
    public static final ScenarioPath VISITS_PER_CLINICIAN_DAY = ScenarioPath.parse("practice.visitsPerClinicianDay");
    /** @see #CLINICIANS */
    public static final ScenarioPath FIXED_COSTS = ScenarioPath.parse("practice.costs.fixedPerMonth");
    /** @see #CLINICIANS */
    public static final ScenarioPath COST_PER_VISIT = ScenarioPath.parse("practice.costs.perAttendedVisit");
    /** @see #CLINICIANS */
    public static final ScenarioPath NEW_EPISODES = ScenarioPath.parse("demand.newEpisodesPerMonth");
    /** @see #CLINICIANS */
    public static final ScenarioPath CANCELLATION_RATE = ScenarioPath.parse("demand.cancellationRate");
    /** The payer shares mapping; each payer's share is a field of it. */
    public static final ScenarioPath PAYERS = ScenarioPath.parse("demand.payers");
    /** The list of payment models; each has {@link #MODEL_NAME} and {@link #MODEL_DEFAULT}. */
    public static final ScenarioPath MODELS = ScenarioPath.parse("models");
    /** A model's name field. */
    public static final String MODEL_NAME = "name";
    /** A model's default contract field. */
    public static final String MODEL_DEFAULT = "default";
    /** The starting bank balance. */
    public static final ScenarioPath STARTING_RESERVE = ScenarioPath.parse("cash.startingReserve");
    /** A contract's payment lag field. */
    public static final String PAYMENT_LAG = "paymentLagMonths";

    /** @return every path constant above, for the test that keeps them in step with the reader */
    static List<ScenarioPath> briefPaths() {
        return List.of(CLINICIANS, VISITS_PER_CLINICIAN_DAY, FIXED_COSTS, COST_PER_VISIT, NEW_EPISODES, CANCELLATION_RATE,
                STARTING_RESERVE);
    }

    /** @return the distribution family names of the scenario syntax {@code { family: { params } }} */
    public static Set<String> families() {
        return DistributionReader.FAMILIES.keySet();
    }

    /** Units by field name; money units start with "$" so values can be written "$28,000 per month". */
    static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("horizonMonths", "months"),
            Map.entry("warmUpMonths", "months"),
            Map.entry("trials", "simulated years"),
            Map.entry("clinicians", "full-time clinicians"),
            Map.entry("visitsPerClinicianDay", "visits per clinician per day"),
            Map.entry("workdaysPerMonth", "workdays per month"),
            Map.entry("fixedPerMonth", "$ per month"),
            Map.entry("perAttendedVisit", "$ per attended visit"),
            Map.entry("newEpisodesPerMonth", "episodes per month"),
            Map.entry("seasonality", "demand multiplier by month of the year"),
            Map.entry("cancellationRate", "probability per scheduled visit"),
            Map.entry("share", "share of new episodes"),
            Map.entry("followUpVisits", "visits per episode"),
            Map.entry("visitsPerMonth", "visits per month per episode"),
            Map.entry("unitsPerVisit", "15-minute units per visit"),
            Map.entry("evaluation", "$ per evaluation"),
            Map.entry("perUnit", "$ per billed unit"),
            Map.entry("denialRate", "probability per claim"),
            Map.entry("pmpm", "$ per member per month"),
            Map.entry("members", "members"),
            Map.entry("afterVisits", "visits per episode"),
            Map.entry("perVisit", "$ per visit"),
            // Payment rules, overlays and cash flow (docs/payment-rules.md).
            Map.entry("paymentLagMonths", "months"),
            Map.entry("perEpisode", "$ per episode"),
            Map.entry("evaluationCode", "CPT code"),
            Map.entry("startingReserve", "$"),
            Map.entry("minutesPerVisit", "timed minutes per follow-up visit"),
            Map.entry("mpprRate", "share of the practice-expense part"),
            Map.entry("assistantShare", "share of follow-up visits"),
            Map.entry("assistantRate", "share of the full fee"),
            Map.entry("conversionFactorChange", "relative change of every fee"),
            Map.entry("mipsAdjustment", "relative change of the payer's part"),
            Map.entry("payerShare", "share of the allowed amount"),
            Map.entry("sequestration", "share of the payer's part"),
            Map.entry("patientCollectionRate", "share of coinsurance collected"),
            Map.entry("medicalNecessityDocumented", "probability per claim above the threshold"),
            Map.entry("reviewThreshold", "$ per beneficiary per year"),
            Map.entry("reviewProbability", "probability per claim above the review threshold"),
            Map.entry("reviewTakeBack", "share of a reviewed claim's payer payment"),
            Map.entry("leaveRate", "probability per member per month"),
            Map.entry("joinsPerMonth", "members per month"),
            Map.entry("band", "share of the expected cost of care"),
            Map.entry("valuePerVisit", "$ per attended visit"),
            Map.entry("expectedCostPmpm", "$ per member per month"),
            Map.entry("attachmentPerEpisode", "$ per episode"),
            Map.entry("settlementMonth", "month number (1 = first month of the horizon)"),
            Map.entry("targetPrice", "$ per episode"),
            Map.entry("discount", "share of the target price"),
            Map.entry("qualityScore", "quality score (0 to 1)"),
            Map.entry("qualityWeight", "largest share of the result adjusted for quality"),
            Map.entry("stopGain", "share of summed targets"),
            Map.entry("stopLoss", "share of summed targets"),
            Map.entry("participantShare", "share of the reconciliation"),
            Map.entry("rate", "share of payments"),
            Map.entry("benchmarkPerEpisode", "$ per episode"),
            Map.entry("minimumSavingsRate", "share of the benchmark"),
            Map.entry("sharingRate", "share of savings"),
            Map.entry("minimumLossRate", "share of the benchmark"),
            Map.entry("lossSharingRate", "share of losses"),
            Map.entry("total", "$ per unit"),
            Map.entry("pe", "$ per unit (practice-expense part)"),
            // Fee-schedule contracts: built-in RVU tables, MIPS by score, deductible, percent of
            // Medicare, workers' comp, visit limits (docs/payment-rules.md).
            Map.entry("medicarePfs", "calendar year of the built-in CMS fee schedule"),
            Map.entry("conversionFactor", "$ per RVU"),
            Map.entry("workRvu", "work RVUs per unit"),
            Map.entry("peRvu", "practice-expense RVUs per unit"),
            Map.entry("mpRvu", "malpractice RVUs per unit"),
            Map.entry("finalScore", "MIPS final score (0 to 100 points)"),
            Map.entry("lowVolumeExcluded", "MIPS low-volume exclusion (true: no adjustment)"),
            Map.entry("alreadyMet", "share of patients who met the deductible elsewhere"),
            Map.entry("spentElsewhere", "$ of OT allowed at other providers this year, per episode"),
            Map.entry("percent", "share of Medicare's allowed amount"),
            Map.entry("factorOfMedicare", "multiple of Medicare's allowed amount"),
            Map.entry("state", "label"),
            Map.entry("mppr", "multiple procedure reduction variant"),
            Map.entry("patientShare", "share of the allowed amount"),
            Map.entry("authorizedVisits", "follow-up visits per authorisation"),
            Map.entry("reauthorizationDenial", "probability per re-authorisation request"),
            Map.entry("visitsPerYear", "visits per patient per calendar year"),
            Map.entry("delivered", "visits beyond a limit still delivered (true or false)"),
            Map.entry("costSavedPerVisit", "$ per visit not delivered"),
            // A model's response block (how the practice behaves when paid by it) and incentives.
            Map.entry("scale", "multiple of the planned follow-up visits"),
            Map.entry("change", "change of the cancellation probability"),
            Map.entry("elasticity", "relative change of visits per relative change of fees"),
            Map.entry("reference", "model whose fees are the reference"),
            Map.entry("incentives", "price one more visit, unit, episode and avoided cancellation (true or false)"),
            // correlations: and uncertainty: blocks (README, "How sure are we")
            Map.entry("rank", "Spearman rank correlation (-1 to 1)"),
            Map.entry("between", "per-trial inputs drawn together"),
            Map.entry("outer", "outer draws of the uncertain parameters"));

    /**
     * Units that depend on the enclosing field, by {@code parent.name}; checked before {@link #UNITS}
     * because the same field name means different things in different rules.
     */
    static final Map<String, String> UNITS_IN_CONTEXT = Map.ofEntries(
            Map.entry("kx.threshold", "$ per beneficiary per year"),
            Map.entry("deductible.amount", "$ per patient per calendar year"),
            Map.entry("payForPerformance.threshold", "quality score (0 to 1)"),
            Map.entry("riskCorridor.share", "share of the excess cost or gain"),
            Map.entry("stopLoss.share", "share of the cost above the attachment point"),
            Map.entry("sharedSavings.stopGain", "share of the benchmark"),
            Map.entry("sharedSavings.stopLoss", "share of the benchmark"),
            Map.entry("payForPerformance.rate", "share of base payments"),
            Map.entry("qualityWithhold.rate", "share of every payment"));

    /** Units for the entries of a map-valued field, by the map's name (e.g. each payer's share). */
    static final Map<String, String> UNITS_BY_PARENT = Map.of(
            "payers", "share of new episodes",
            "perEpisode", "$ per episode",
            "targetPrice", "$ per episode",
            "codeMix", "share of timed units",
            "acceptance", "share of new episodes of the case accepted",
            "parameters", "what an uncertain parameter might be (one value per outer draw)");

    /** Fields whose number is an identifier, not a quantity, so it gets no thousands separators. */
    private static final Set<String> UNGROUPED = Set.of("seed", "schema", "medicarePfs");

    /** When each field is drawn (fields not listed are fixed). */
    private static final Map<String, Drawn> DRAWN = Map.ofEntries(
            Map.entry("newEpisodesPerMonth", Drawn.PER_MONTH),
            Map.entry("cancellationRate", Drawn.PER_TRIAL),
            Map.entry("followUpVisits", Drawn.PER_EPISODE),
            Map.entry("unitsPerVisit", Drawn.PER_VISIT),
            Map.entry("minutesPerVisit", Drawn.PER_VISIT),
            Map.entry("members", Drawn.PER_MONTH),
            Map.entry("joinsPerMonth", Drawn.PER_MONTH),
            Map.entry("scale", Drawn.PER_TRIAL),
            Map.entry("change", Drawn.PER_TRIAL));

    /**
     * @param field the field name, e.g. {@code pmpm}
     * @param parentField the name of the field that holds it (for names shared by several rules,
     *                    e.g. {@code threshold} under {@code kx}), or empty
     * @return the unit, e.g. {@code $ per member per month}; empty when the field has none
     */
    public static String unit(String field, String parentField) {
        String u = UNITS_IN_CONTEXT.get(parentField + "." + field);
        if (u == null) {
            u = UNITS.get(field);
        }
        // a list index ([2]) has no unit of its parent; a key quoted in brackets (["a.b"]) does
        if (u == null && (!field.startsWith("[") || field.contains("\""))) {
            u = UNITS_BY_PARENT.get(parentField);
        }
        return u == null ? "" : u;
    }

    /**
     * @param field a field name
     * @return when a distribution written in this field is drawn; payment terms not listed are drawn
     *         once per trial when they are distributions, settings are fixed
     */
    public static Drawn drawn(String field) {
        return DRAWN.getOrDefault(field, Drawn.PER_TRIAL);
    }

    /**
     * @param field a field name
     * @return true when the field's number is an identifier (a seed), written without separators
     */
    public static boolean isIdentifier(String field) {
        return UNGROUPED.contains(field);
    }

    /** Defaults of optional fields, as {@link ScenarioReader} applies them, in file order. */
    private static final List<String[]> DEFAULTS = List.of(
            new String[] {"horizonMonths", String.valueOf(ScenarioReader.DEFAULT_HORIZON)},
            new String[] {"warmUpMonths", String.valueOf(ScenarioReader.DEFAULT_WARM_UP)},
            new String[] {"simulation.trials", String.valueOf(ScenarioReader.DEFAULT_TRIALS)},
            new String[] {"simulation.seed", String.valueOf(ScenarioReader.DEFAULT_SEED)},
            new String[] {"demand.seasonality", "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1"},
            new String[] {"demand.cancellationRate", "0"},
            new String[] {"cash.startingReserve", "0"},
            new String[] {"cash.openingReceivables", "steadyState"});

    /**
     * Every input of a scenario text, in file order, then the optional inputs it leaves at their
     * defaults.
     */
    static java.util.List<ScenarioInput> inputs(SourceNode root, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        java.util.List<ScenarioInput> out = new java.util.ArrayList<>();
        java.util.Set<Integer> claimed = new java.util.HashSet<>();
        walk(root, "", "", lines, out, claimed);
        // a trailing comment goes to the last input of its line
        for (int i = 0; i < out.size(); i++) {
            ScenarioInput in = out.get(i);
            boolean last = i + 1 == out.size() || out.get(i + 1).line() != in.line();
            String trailing = in.line() >= 1 && in.line() <= lines.length ? trailingComment(lines[in.line() - 1]) : "";
            if (last && !trailing.isEmpty()) {
                String note = in.note().isEmpty() ? trailing : in.note() + "; " + trailing;
                out.set(i, new ScenarioInput(in.path(), in.value(), in.unit(), in.drawn(), in.line(), note));
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (ScenarioInput in : out) {
            present.add(in.path());
        }
        for (String[] d : DEFAULTS) {
            if (!present.contains(d[0])) {
                String field = d[0].substring(d[0].lastIndexOf('.') + 1);
                out.add(new ScenarioInput(d[0], d[1], unit(field, ""), Drawn.FIXED, 0, "default"));
            }
        }
        return out;
    }

    private static void walk(SourceNode n, String field, String parent, String[] lines, java.util.List<ScenarioInput> out,
                             java.util.Set<Integer> claimed) {
        if (n instanceof SourceNode.MapNode m && !DistributionReader.isFamilyMapping(m)) {
            for (var e : m.fields().entrySet()) {
                walk(e.getValue(), e.getKey(), field, lines, out, claimed);
            }
            return;
        }
        if (n instanceof SourceNode.ListNode l && !l.items().stream().allMatch(i -> i instanceof SourceNode.NumberNode)) {
            for (SourceNode item : l.items()) {
                walk(item, field, parent, lines, out, claimed);
            }
            return;
        }
        String value;
        Drawn drawn = Drawn.FIXED;
        if (n instanceof SourceNode.MapNode m) {
            var only = m.fields().entrySet().iterator().next();
            StringBuilder b = new StringBuilder(only.getKey()).append('(');
            if (only.getValue() instanceof SourceNode.MapNode p) {
                java.util.List<String> parts = new java.util.ArrayList<>();
                p.fields().forEach((k, v) -> parts.add(k + " " + text(v)));
                b.append(String.join(", ", parts));
            }
            value = b.append(')').toString();
            drawn = drawn(field);
        } else {
            value = text(n);
        }
        String note = note(lines, n.line(), claimed.add(n.line()));
        out.add(new ScenarioInput(n.path(), value, unit(field, parent), drawn, n.line(), note));
    }

    private static String text(SourceNode n) {
        if (n instanceof SourceNode.NumberNode num) {
            return num.text();
        }
        if (n instanceof SourceNode.TextNode t) {
            return t.text();
        }
        if (n instanceof SourceNode.ListNode l) {
            return String.join(", ", l.items().stream().map(ScenarioFields::text).toList());
        }
        return n.describe();
    }

    /** The comment block on its own lines directly above (first input of a line only). */
    private static String note(String[] lines, int line, boolean firstOnLine) {
        if (line < 1 || line > lines.length) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (firstOnLine) {
            java.util.List<String> above = new java.util.ArrayList<>();
            for (int ln = line - 1; ln >= 1 && lines[ln - 1].trim().startsWith("#"); ln--) {
                above.add(0, lines[ln - 1].trim().substring(1).trim());
            }
            above.removeIf(c -> c.isEmpty() || isEditorDirective(c));
            if (!above.isEmpty()) {
                parts.add(String.join(" ", above));
            }
        }
        return String.join("; ", parts);
    }

    /** The comment that points an editor at the schema: an instruction to the editor, not a source note. */
    static final String MODELINE_PREFIX = "yaml-language-server:";

    /**
     * @param comment a comment's text without {@code #}, trimmed
     * @return true for an editor directive such as {@code yaml-language-server: $schema=...}
     */
    static boolean isEditorDirective(String comment) {
        return comment.startsWith(MODELINE_PREFIX);
    }

    /**
     * The text after a YAML comment marker on this line: a {@code #} outside quotes that follows
     * content and whitespace. A line holding only a comment has no trailing comment.
     *
     * @param line one line of a scenario
     * @return the comment without {@code #}, trimmed; empty when none
     */
    static String trailingComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                if (!(dbl && i > 0 && line.charAt(i - 1) == '\\')) {
                    dbl = !dbl;
                }
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).isBlank() ? "" : line.substring(i + 1).trim();
            }
        }
        return "";
    }
}
