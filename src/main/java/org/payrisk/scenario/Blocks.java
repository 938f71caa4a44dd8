package org.payrisk.scenario;

import static org.payrisk.scenario.FieldSpec.optional;
import static org.payrisk.scenario.FieldSpec.required;

import java.util.ArrayList;
import java.util.List;
import org.payrisk.payment.FeeSchedule;
import org.payrisk.payment.MedicareFeeForService;
import org.payrisk.payment.MedicarePfs;
import org.payrisk.payment.Mppr;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.Practice;
import org.payrisk.practice.Response;
import org.payrisk.scenario.FieldSpec.AnyOf;
import org.payrisk.scenario.FieldSpec.Block;
import org.payrisk.scenario.FieldSpec.Bool;
import org.payrisk.scenario.FieldSpec.Choice;
import org.payrisk.scenario.FieldSpec.Dist;
import org.payrisk.scenario.FieldSpec.ListOf;
import org.payrisk.scenario.FieldSpec.MapOf;
import org.payrisk.scenario.FieldSpec.Num;
import org.payrisk.scenario.FieldSpec.OneOf;
import org.payrisk.scenario.FieldSpec.Ref;
import org.payrisk.scenario.FieldSpec.Text;
import org.payrisk.scenario.FieldSpec.Type;
import org.payrisk.scenario.FieldSpec.Whole;
import org.payrisk.scenario.FieldSpec.WholeChoice;
import org.payrisk.scenario.Fields.Range;

/**
 * Every block of a scenario file and its fields, declared once: the reader refuses keys not declared
 * here ({@code f.allowOnly(m, Blocks.X.keys())}), and {@link ScenarioSchema} generates the JSON Schema
 * from the same declarations. Limits are the readers' own constants. A new block or field is one
 * declaration here (and the reading code); {@code ScenarioSchemaTest} fails until the schema in
 * docs/ is regenerated, and its cross-check fails when the reader accepts a key declared nowhere.
 *
 * <p>Rule terms are registered with their rule in {@link RuleRegistry}; distribution families are
 * declared in {@link DistributionReader#FAMILIES}.
 */
final class Blocks {

    private Blocks() {
    }

    private static final Type TEXT = new Text();
    private static final Type PROBABILITY = new Num(Range.PROBABILITY);
    private static final Type AMOUNT = new Num(Range.NON_NEGATIVE);
    private static final Type DIST_PROBABILITY = new Dist(Range.PROBABILITY);
    private static final Type DIST_AMOUNT = new Dist(Range.NON_NEGATIVE);
    private static final Type DIST_COUNT = new Dist(Range.COUNT);
    private static final Type SETTLEMENT = new Whole(1, PaymentRules.MAX_MONTH);

    /** One price for every case, or a price per case name. */
    private static final Type PER_CASE = new AnyOf(List.of(DIST_AMOUNT,
            new MapOf(DIST_AMOUNT, "a case name of demand.cases", 1)));

    // ---- top level ---------------------------------------------------------------------------------

    static final Block SIMULATION = Block.of("simulation", "simulation",
            "How many trials (simulated years) and which seed; --trials and --seed override these.",
            optional("trials", new Whole(1, ScenarioLoader.MAX_TRIALS), "Number of simulated years.",
                    ScenarioReader.DEFAULT_TRIALS),
            optional("seed", new Whole(Long.MIN_VALUE, Long.MAX_VALUE),
                    "Seed of the random numbers: the same seed and trials give the same summary.json.",
                    ScenarioReader.DEFAULT_SEED),
            optional("precision", new Num(Range.POSITIVE, 1),
                    "Run until the standard error of every model's mean net income is at most this share of it."),
            optional("incentives", new Bool(),
                    "true: also price one more follow-up visit, unit, avoided cancellation and accepted episode per model.",
                    false));

    static final Block COSTS = Block.of("costs", "costs", "The practice's costs.",
            required("fixedPerMonth", AMOUNT, "Rent, salaries and other costs paid every month whatever the caseload."),
            required("perAttendedVisit", AMOUNT, "Variable cost of each attended visit (supplies, per-visit pay)."));

    static final Block PRACTICE = Block.of("practice", "practice", "The practice: its clinicians, capacity and costs.",
            required("clinicians", new Num(Range.POSITIVE, Practice.MAX_CLINICIANS),
                    "Full-time-equivalent clinicians (2.5 for two full-time and one half-time)."),
            required("visitsPerClinicianDay", new Num(Range.POSITIVE, Practice.MAX_VISITS_PER_DAY),
                    "Visits one clinician can attend in a day."),
            required("workdaysPerMonth", new Num(Range.POSITIVE, Practice.MAX_WORKDAYS),
                    "Working days in a month; capacity = clinicians x visitsPerClinicianDay x workdaysPerMonth."),
            required("costs", new Ref(COSTS), "The practice's fixed and per-visit costs."));

    static final Block CASE = Block.of("case", "cases", "A case type: a kind of episode of care.",
            required("name", TEXT, "The case type's name (unique, ignoring case)."),
            required("share", PROBABILITY, "Share of new episodes of this case type; the shares sum to 1."),
            required("followUpVisits", DIST_COUNT, "Visits after the evaluation, per episode."),
            required("visitsPerMonth", new Whole(1, 1000), "Visits a month while an episode lasts."),
            required("unitsPerVisit", new Dist(Range.COUNT, CaseType.MAX_UNITS_PER_VISIT),
                    "Billed 15-minute units per follow-up visit."));

    static final Block DEMAND = Block.of("demand", "demand", "The patients the practice sees.",
            required("newEpisodesPerMonth", DIST_COUNT, "New episodes of care a month, before seasonality."),
            optional("seasonality", new ListOf(new Num(Range.NON_NEGATIVE, Demand.MAX_SEASON_FACTOR), 12, 12),
                    "Twelve monthly factors on new episodes, January first (1 = an average month)."),
            optional("cancellationRate", DIST_PROBABILITY, "Share of scheduled visits cancelled or missed.", 0),
            required("payers", new MapOf(PROBABILITY, "a payer name such as medicare", 1),
                    "Share of new episodes by payer, e.g. { medicare: 0.6, commercial: 0.4 }; the shares sum to 1."),
            required("cases", new ListOf(new Ref(CASE), 1, Byte.MAX_VALUE), "The case types and their shares."));

    static final Block CASH = Block.of("cash", "cash", "The bank balance the cash-flow view starts from.",
            optional("startingReserve", new Num(Range.ANY), "The bank balance at the start of month 1.", 0),
            optional("openingReceivables", new Choice(List.of("steadyState", "none")),
                    "steadyState: a running practice is still owed for last year's services; none: a new practice.",
                    "steadyState"));

    // ---- fee-schedule contracts ---------------------------------------------------------------------

    static final Block CODE_DOLLARS = Block.of("codeInDollars", "",
            "The payment of one CPT code in dollars.",
            required("total", AMOUNT, "Allowed amount of one unit."),
            required("pe", AMOUNT, "Practice-expense part of the total, reduced by the MPPR."));

    static final Block CODE_RVU = Block.of("codeInRvus", "",
            "The payment of one CPT code in relative value units (priced by the conversion factor).",
            required("workRvu", AMOUNT, "Work RVUs of one unit."),
            required("peRvu", AMOUNT, "Practice-expense RVUs of one unit."),
            required("mpRvu", AMOUNT, "Malpractice RVUs of one unit."));

    static final Block FEE_SCHEDULE = new Block("feeSchedule", "feeSchedule",
            "The codes and their payment: { medicarePfs: 2026 } (the built-in CMS table) and/or CPT codes with their "
                    + "payment in dollars { total, pe } or in RVUs { workRvu, peRvu, mpRvu }.",
            List.of(optional("medicarePfs", new WholeChoice(MedicarePfs.YEARS),
                            "Calendar year of the built-in CMS Physician Fee Schedule (its paid codes)."),
                    optional("conversionFactor", new Num(Range.POSITIVE),
                            "Dollars per RVU for codes given in RVUs (default: the built-in year's).")),
            new AnyOf(List.of(new Ref(CODE_DOLLARS), new Ref(CODE_RVU))), List.of());

    static final Block KX = Block.of("kx", "kx", "The KX modifier threshold and targeted medical review.",
            required("threshold", AMOUNT, "Yearly therapy spending per beneficiary above which claims need the KX modifier."),
            optional("medicalNecessityDocumented", DIST_PROBABILITY,
                    "Share of claims above the threshold whose medical necessity is documented (paid).", 1),
            optional("reviewThreshold", AMOUNT, "Spending above which claims may be reviewed.",
                    MedicareRules.DEFAULT_REVIEW_THRESHOLD),
            optional("reviewProbability", DIST_PROBABILITY, "Chance that a claim above the review threshold is reviewed.", 0),
            optional("reviewTakeBack", DIST_PROBABILITY, "Share of a reviewed claim's payment taken back.", 0),
            optional("spentElsewhere", DIST_AMOUNT, "Therapy allowed at other providers this year, per episode.", 0));

    static final Block DEDUCTIBLE = Block.of("deductible", "deductible", "The Medicare Part B deductible.",
            required("amount", AMOUNT, "The yearly deductible each patient pays first."),
            optional("alreadyMet", DIST_PROBABILITY, "Share of patients who met the deductible elsewhere.", 0));

    static final Block MIPS = Block.of("mips", "mips",
            "MIPS by final score { finalScore }, or { lowVolumeExcluded: true } for no adjustment.",
            optional("finalScore", new Dist(Range.NON_NEGATIVE, MedicareRules.MIPS_SCORE_MAX),
                    "The MIPS final score in points (0 to 100), mapped to a payment adjustment."),
            optional("lowVolumeExcluded", new Bool(), "true: excluded by the low-volume threshold, no adjustment."));

    static final Block LIMITS = Block.of("limits", "limits", "Visit limits: prior authorisation and yearly caps.",
            optional("authorizedVisits", DIST_COUNT, "Follow-up visits each authorisation covers."),
            optional("reauthorizationDenial", DIST_PROBABILITY, "Chance a re-authorisation request is denied.", 0),
            optional("visitsPerYear", new Whole(1, 10_000), "Yearly cap on visits per patient."),
            optional("delivered", new Bool(), "Whether visits beyond a limit are still delivered (unpaid).", true),
            optional("costSavedPerVisit", AMOUNT, "Cost saved by each visit not delivered (with delivered: false)."));

    private static final FieldSpec FEE_SCHEDULE_FIELD = required("feeSchedule", new Ref(FEE_SCHEDULE),
            "The codes and their payment.");
    private static final FieldSpec EVALUATION_CODE = required("evaluationCode", TEXT,
            "CPT code of the evaluation that opens an episode, e.g. 97165.");
    private static final FieldSpec MINUTES = optional("minutesPerVisit",
            new Dist(Range.NON_NEGATIVE, PaymentRules.MAX_MINUTES_PER_VISIT),
            "Timed minutes of a follow-up visit, billed by the 8-minute rule (default: from unitsPerVisit).");
    private static final FieldSpec CODE_MIX = required("codeMix", new MapOf(PROBABILITY, "a CPT code of the feeSchedule", 1),
            "Share of timed units by code, e.g. { \"97530\": 0.6, \"97110\": 0.4 }; the shares sum to 1.");
    private static final FieldSpec ASSISTANT_SHARE = optional("assistantShare", DIST_PROBABILITY,
            "Share of follow-up visits by an assistant (paid at assistantRate).", 0);
    private static final FieldSpec ASSISTANT_RATE = optional("assistantRate", PROBABILITY,
            "An assistant's visit as a share of the full fee.", MedicareRules.DEFAULT_ASSISTANT_RATE);
    private static final FieldSpec MPPR_RATE = optional("mpprRate", PROBABILITY,
            "Multiple procedure payment reduction of every unit after the highest-paid one.", FeeSchedule.MPPR_RATE);
    private static final FieldSpec DENIAL = optional("denialRate", DIST_PROBABILITY, "Share of claims denied (unpaid).", 0);
    private static final FieldSpec CF_CHANGE = optional("conversionFactorChange", new Dist(Range.ANY, 1),
            "Relative change of every fee, e.g. -0.025 for a 2.5% cut.", 0);
    private static final FieldSpec PATIENT_COLLECTION = optional("patientCollectionRate", DIST_PROBABILITY,
            "Share of the patient's part the practice collects.", 1);

    private static List<String> mpprLabels() {
        List<String> out = new ArrayList<>();
        for (Mppr m : Mppr.values()) {
            out.add(m.label());
        }
        return out;
    }

    /** The simple form of feeForService. */
    static final Block FFS_SIMPLE = Block.of("feeForServiceSimple", "feeForService",
            "Fee-for-service, simple form: a price per evaluation and per billed unit.",
            required("evaluation", DIST_AMOUNT, "Payment for the evaluation that opens an episode."),
            required("perUnit", DIST_AMOUNT, "Payment per billed 15-minute unit of a follow-up visit."),
            DENIAL);

    /** The Medicare Physician Fee Schedule form of feeForService. */
    static final Block FFS_MEDICARE = Block.of("feeForServiceMedicare", "feeForService",
            "Fee-for-service as Medicare pays: the Physician Fee Schedule, 8-minute rule, MPPR, deductible, "
                    + "coinsurance, sequestration, KX threshold and MIPS.",
            FEE_SCHEDULE_FIELD, EVALUATION_CODE, MINUTES, CODE_MIX, ASSISTANT_SHARE, ASSISTANT_RATE, MPPR_RATE,
            optional("payerShare", PROBABILITY, "The payer's share of the allowed amount (the patient owes the rest).",
                    MedicareRules.DEFAULT_PAYER_SHARE),
            optional("sequestration", PROBABILITY, "Cut of the payer's part by sequestration.",
                    MedicareRules.DEFAULT_SEQUESTRATION),
            PATIENT_COLLECTION, DENIAL,
            optional("kx", new Ref(KX), "The KX threshold and targeted medical review."),
            CF_CHANGE,
            optional("mipsAdjustment", new Dist(Range.ANY, MedicareFeeForService.MIPS_LIMIT),
                    "MIPS payment adjustment drawn directly (or give mips), within +/-9%.", 0),
            optional("mips", new Ref(MIPS), "MIPS by final score (or give mipsAdjustment)."),
            optional("deductible", new Ref(DEDUCTIBLE), "The Part B deductible."));

    /** Either form of feeForService. */
    static final Type FEE_FOR_SERVICE = new OneOf(List.of(new Ref(FFS_SIMPLE), new Ref(FFS_MEDICARE)));

    private static final List<FieldSpec> CLAIM_FIELDS = List.of(FEE_SCHEDULE_FIELD, EVALUATION_CODE, MINUTES, CODE_MIX,
            ASSISTANT_SHARE, ASSISTANT_RATE, CF_CHANGE,
            optional("mppr", new Choice(mpprLabels()), "Which multiple procedure reduction applies.",
                    Mppr.PRACTICE_EXPENSE.label()),
            MPPR_RATE, DENIAL,
            optional("limits", new Ref(LIMITS), "Visit limits: prior authorisation and yearly caps."));

    static final Block PERCENT_OF_MEDICARE = new Block("percentOfMedicare", "percentOfMedicare",
            "A share of what Medicare would allow for the same claims (Medicare Advantage, commercial).",
            concat(CLAIM_FIELDS,
                    required("percent", new Dist(Range.NON_NEGATIVE, 10), "The contract's rate: 0.95 for 95% of Medicare."),
                    optional("patientShare", PROBABILITY, "The patient's share of the allowed amount.", 0),
                    PATIENT_COLLECTION),
            null, List.of());

    static final Block WORKERS_COMP = new Block("workersComp", "workersComp",
            "A state workers' compensation fee schedule as a factor of Medicare's allowed amount.",
            concat(CLAIM_FIELDS,
                    required("factorOfMedicare", DIST_AMOUNT, "The state's fees as a multiple of Medicare's (1.3 for 130%)."),
                    optional("state", TEXT, "The state's name or code (a label).")),
            null, List.of());

    // ---- capitation ---------------------------------------------------------------------------------

    static final Block CHURN = Block.of("churn", "churn", "Membership churn.",
            required("leaveRate", DIST_PROBABILITY, "Share of members who leave each month."),
            optional("joinsPerMonth", DIST_COUNT, "New members a month.", 0));

    static final Block CORRIDOR = Block.of("riskCorridor", "riskCorridor",
            "A risk corridor: the payer shares gains and losses beyond a band around the expected cost of care.",
            required("band", PROBABILITY, "Half-width of the band, as a share of the expected cost of care."),
            required("share", PROBABILITY, "Share of the excess the payer takes or pays."),
            optional("valuePerVisit", AMOUNT, "Value of one visit in the cost of care."),
            optional("expectedCostPmpm", AMOUNT, "Expected cost of care per member per month."));

    static final Block STOP_LOSS = Block.of("stopLoss", "stopLoss", "Per-episode stop-loss insurance.",
            required("attachmentPerEpisode", AMOUNT, "Cost of an episode above which stop-loss pays."),
            required("share", PROBABILITY, "Share of the cost above the attachment point that stop-loss pays."),
            required("valuePerVisit", AMOUNT, "Value of one visit in an episode's cost."));

    static final Block CAPITATION = Block.of("capitation", "capitation",
            "Capitation: members x PMPM every month, with optional churn, risk corridor and stop-loss.",
            required("pmpm", DIST_AMOUNT, "Payment per member per month."),
            required("members", DIST_COUNT, "Members covered."),
            optional("churn", new Ref(CHURN), "Membership churn."),
            optional("riskCorridor", new Ref(CORRIDOR), "A risk corridor."),
            optional("stopLoss", new Ref(STOP_LOSS), "Per-episode stop-loss."),
            optional("settlementMonth", SETTLEMENT, "Month the corridor settles (default: 3 months after the horizon)."));

    // ---- bundled and episode programs ---------------------------------------------------------------

    static final Block OUTLIER = Block.of("outlier", "outlier", "Outlier payments for long episodes.",
            required("afterVisits", new Whole(0, 100_000), "Visits of an episode the bundle covers."),
            required("perVisit", DIST_AMOUNT, "Payment for each visit beyond them."));

    static final Block RECONCILIATION = Block.of("reconciliation", "reconciliation",
            "An episode program: claims paid fee-for-service, then reconciled against a target price.",
            required("feeForService", FEE_FOR_SERVICE, "The fee-for-service terms that pay claims during the episode."),
            required("targetPrice", PER_CASE, "Target price of an episode (one for all cases, or per case name)."),
            optional("discount", DIST_PROBABILITY, "Discount taken off the target price.", 0),
            optional("qualityScore", DIST_PROBABILITY, "Quality score (0 to 1) that adjusts the result."),
            optional("qualityWeight", PROBABILITY, "Largest share of the result adjusted for quality.",
                    PaymentRules.DEFAULT_QUALITY_WEIGHT),
            required("stopGain", AMOUNT, "Largest gain, as a share of summed targets."),
            optional("stopLoss", AMOUNT, "Largest loss, as a share of summed targets.", 0),
            optional("participantShare", PROBABILITY, "Share of the reconciliation the practice bears.", 1),
            optional("settlementMonth", SETTLEMENT, "Month of settlement (default: 6 months after the horizon)."));

    static final Block BUNDLED_PROSPECTIVE = Block.of("bundledProspective", "bundled",
            "A prospective bundle: a price per episode, with optional outlier payments.",
            required("perEpisode", PER_CASE, "Price of an episode (one for all cases, or per case name)."),
            optional("outlier", new Ref(OUTLIER), "Outlier payments for long episodes."));

    static final Block BUNDLED_PROGRAM = Block.of("bundledProgram", "bundled",
            "An episode program reconciled against a target price.",
            required("reconciliation", new Ref(RECONCILIATION), "The program's terms."));

    /** Either form of bundled. */
    static final Type BUNDLED = new OneOf(List.of(new Ref(BUNDLED_PROSPECTIVE), new Ref(BUNDLED_PROGRAM)));

    // ---- overlays -------------------------------------------------------------------------------------

    private static final FieldSpec OVERLAY_SETTLEMENT = optional("settlementMonth", SETTLEMENT,
            "Month of settlement (default: 6 months after the horizon).");

    static final Block QUALITY_WITHHOLD = Block.of("qualityWithhold", "qualityWithhold",
            "A share of every payment withheld and returned by quality score.",
            required("rate", PROBABILITY, "Share of every payment withheld."),
            required("qualityScore", DIST_PROBABILITY, "Quality score (0 to 1): the share of the withhold returned."),
            OVERLAY_SETTLEMENT);

    static final Block PAY_FOR_PERFORMANCE = Block.of("payForPerformance", "payForPerformance",
            "A bonus on base payments by quality score.",
            required("rate", AMOUNT, "Largest bonus, as a share of base payments."),
            required("qualityScore", DIST_PROBABILITY, "Quality score (0 to 1)."),
            optional("threshold", PROBABILITY, "Score below which no bonus is paid.", 0),
            OVERLAY_SETTLEMENT);

    static final Block SHARED_SAVINGS = Block.of("sharedSavings", "sharedSavings",
            "Shared savings (and optionally losses) against a benchmark cost per episode.",
            required("benchmarkPerEpisode", DIST_AMOUNT, "Benchmark cost of an episode."),
            optional("minimumSavingsRate", PROBABILITY, "Savings below this share of the benchmark are not shared.", 0),
            required("sharingRate", PROBABILITY, "Share of savings paid to the practice."),
            optional("minimumLossRate", PROBABILITY, "Losses below this share of the benchmark are not shared "
                    + "(default: minimumSavingsRate)."),
            optional("lossSharingRate", PROBABILITY, "Share of losses the practice pays back.", 0),
            optional("stopGain", AMOUNT, "Largest gain, as a share of the benchmark (default: none)."),
            optional("stopLoss", AMOUNT, "Largest loss, as a share of the benchmark (default: none)."),
            optional("qualityScore", DIST_PROBABILITY, "Quality score (0 to 1) that scales the shared savings."),
            OVERLAY_SETTLEMENT);

    /** One overlay: exactly one of the kinds. */
    static final Block OVERLAY = new Block("overlay", "overlays", "A value-based overlay on the contract's payments.",
            List.of(optional("qualityWithhold", new Ref(QUALITY_WITHHOLD), QUALITY_WITHHOLD.doc()),
                    optional("payForPerformance", new Ref(PAY_FOR_PERFORMANCE), PAY_FOR_PERFORMANCE.doc()),
                    optional("sharedSavings", new Ref(SHARED_SAVINGS), SHARED_SAVINGS.doc())),
            null, List.of("qualityWithhold", "payForPerformance", "sharedSavings"));

    // ---- models ---------------------------------------------------------------------------------------

    /**
     * The fields of a contract beside its one payment rule; the rules themselves come from
     * {@link RuleRegistry} (each registered with its terms).
     */
    static final List<FieldSpec> CONTRACT_EXTRAS = List.of(
            optional("overlays", new ListOf(new Ref(OVERLAY), 0, Integer.MAX_VALUE),
                    "Value-based overlays on the rule's payments."),
            optional("paymentLagMonths", DIST_AMOUNT, "Months from service to payment."));

    private static final Type CONTRACT = new FieldSpec.Contract();

    static final Block RESPONSE_FOLLOW_UPS = Block.of("responseFollowUps", "followUpVisits",
            "Each episode's planned follow-ups under this model, scaled by r (r <= 1 keeps each visit by its own uniform).",
            required("scale", new Dist(Range.NON_NEGATIVE, Response.MAX_SCALE),
                    "Scale r of the planned follow-up visits (1 = unchanged)."));

    static final Block RESPONSE_CANCELLATION = Block.of("responseCancellation", "cancellationRate",
            "A change of the trial's cancellation rate under this model.",
            required("change", new Dist(Range.ANY, 1), "Added to the trial's cancellation rate (e.g. -0.02)."));

    static final Block FEE_ELASTICITY = Block.of("feeElasticity", "feeElasticity",
            "Visits per episode respond to this model's fees against a reference model's: scale (fee / reference)^e.",
            required("elasticity", new Num(Range.ANY, ResponseReader.MAX_ELASTICITY),
                    "Elasticity e (published values 0.13 to 1.5; negative: income targeting)."),
            required("reference", TEXT, "The model whose fees are the reference."));

    static final Block RESPONSE = Block.of("response", "response",
            "How the practice behaves when paid by this model (optional; absent = as under every other model).",
            optional("followUpVisits", new Ref(RESPONSE_FOLLOW_UPS), RESPONSE_FOLLOW_UPS.doc()),
            optional("cancellationRate", new Ref(RESPONSE_CANCELLATION), RESPONSE_CANCELLATION.doc()),
            optional("acceptance", new MapOf(PROBABILITY, "a case of demand.cases", 0),
                    "Share of new episodes of each case type the practice accepts (refused episodes are counted)."),
            optional("unitsPerVisit", new Dist(Range.COUNT, CaseType.MAX_UNITS_PER_VISIT),
                    "Billed 15-minute units per attended follow-up under this model."),
            optional("feeElasticity", new Ref(FEE_ELASTICITY), FEE_ELASTICITY.doc()));

    static final Block MODEL = Block.of("model", "models", "A payment model: how every payer pays the practice.",
            required("name", TEXT, "The model's name (unique, ignoring case), shown in every output."),
            optional("default", CONTRACT, "The contract of every payer not listed under payers."),
            optional("payers", new MapOf(CONTRACT, "a payer of demand.payers", 0),
                    "Contracts by payer name, overriding the default for those payers."),
            optional("response", new Ref(RESPONSE), RESPONSE.doc()));

    static final Block CORRELATION = Block.of("correlation", "correlations",
            "A rank (Spearman) correlation between two per-trial random inputs, drawn through a Gaussian copula.",
            required("between", new ListOf(TEXT, 2, 2),
                    "The two inputs' paths, e.g. demand.cancellationRate (write paths with [ in block style or quoted)."),
            required("rank", new Num(Range.ANY, 1), "Spearman rank correlation, -1 to 1."));

    static final Block UNCERTAINTY = Block.of("uncertainty", "uncertainty",
            "Parameter uncertainty: outer draws of uncertain parameters, each run with the same inner trials.",
            optional("outer", new Whole(1, Uncertainty.MAX_OUTER), "Number of outer draws (--outer overrides it).",
                    ScenarioReader.DEFAULT_OUTER),
            required("parameters", new MapOf(new Dist(Range.ANY), "a field path such as demand.cancellationRate.beta.mean", 1),
                    "Each uncertain parameter's path and the distribution of its value."));

    /** The whole scenario file. */
    static final Block ROOT = Block.of("scenario", "", "A payrisk scenario: a practice, the demand it faces and the "
                    + "payment models to compare (README.md, Scenario reference).",
            required("name", TEXT, "The scenario's name, shown in every output."),
            optional("description", TEXT, "A longer description."),
            optional("horizonMonths", new Whole(1, 120), "Months counted (month 1 = January).",
                    ScenarioReader.DEFAULT_HORIZON),
            optional("warmUpMonths", new Whole(0, 120),
                    "Months simulated before month 1 so the caseload is steady; not counted.", ScenarioReader.DEFAULT_WARM_UP),
            optional("simulation", new Ref(SIMULATION), SIMULATION.doc()),
            required("practice", new Ref(PRACTICE), PRACTICE.doc()),
            required("demand", new Ref(DEMAND), DEMAND.doc()),
            optional("cash", new Ref(CASH), CASH.doc()),
            required("models", new ListOf(new Ref(MODEL), 1, Integer.MAX_VALUE), "The payment models to compare."),
            optional("correlations", new ListOf(new Ref(CORRELATION), 0, Integer.MAX_VALUE),
                    "Rank correlations between per-trial random inputs (default: drawn independently)."),
            optional("uncertainty", new Ref(UNCERTAINTY), UNCERTAINTY.doc()));

    private static List<FieldSpec> concat(List<FieldSpec> first, FieldSpec... more) {
        List<FieldSpec> out = new ArrayList<>(first);
        out.addAll(List.of(more));
        return out;
    }
}
