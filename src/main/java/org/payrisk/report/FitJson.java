package org.payrisk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.payrisk.fit.FamilyFit;
import org.payrisk.fit.FitResult;
import org.payrisk.fit.GoodnessOfFit;
import org.payrisk.fit.Parameter;
import org.payrisk.fit.Snippet;

/**
 * {@code fit.json}: every family fitted by {@code payrisk fit}, best AIC first, with its parameters
 * in payrisk's parameterisation and their standard errors, log-likelihood, AIC, goodness-of-fit test
 * and the YAML line for a scenario. Deterministic: the same data, options and seed give the same
 * bytes (no times or paths in it; those go to run.json). A number that does not exist (the p-value of
 * a test that could not be made, the SE of a parameter that was given) is {@code null}.
 */
public final class FitJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitJson() {
    }

    /**
     * @param r the fit
     * @param inputSha256 SHA-256 of the data file's bytes, hex
     * @return the file's bytes (UTF-8, ending in a newline)
     */
    public static byte[] toBytes(FitResult r, String inputSha256) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("payriskVersion", Version.get());
        o.put("file", r.data().file().getFileName().toString());
        o.put("inputSha256", inputSha256);
        o.put("column", r.data().column());
        o.put("values", r.data().size());
        o.put("kind", r.kind().label());
        o.put("kindInferred", r.kindInferred());
        if (r.binomialN() > 0) {
            o.put("binomialN", r.binomialN());
        } else {
            o.putNull("binomialN");
        }
        o.put("method", "maximum likelihood; standard errors from the inverse observed Fisher information at the "
                + "estimate, carried to payrisk's parameters by the delta method; AIC = 2 k - 2 logLikelihood");
        if (r.bootstrapSamples() > 0) {
            ObjectNode boot = o.putObject("bootstrap");
            boot.put("samples", r.bootstrapSamples());
            boot.put("seed", r.seed());
        } else {
            o.putNull("bootstrap"); // counts are tested by chi-square, with no random numbers
        }
        o.put("winner", r.winner().family());
        o.put("yaml", Snippet.yaml(r, r.winner()));
        ArrayNode fits = o.putArray("fits");
        int rank = 1;
        for (FamilyFit f : r.fits()) {
            ObjectNode j = fits.addObject();
            j.put("rank", rank++);
            j.put("family", f.family());
            j.put("winner", f == r.winner());
            ObjectNode ps = j.putObject("parameters");
            for (Parameter p : f.parameters()) {
                ObjectNode pj = ps.putObject(p.name());
                pj.put("value", p.value());
                number(pj, "standardError", p.standardError());
            }
            j.put("logLikelihood", f.logLikelihood());
            j.put("estimatedParameters", f.estimatedParameters());
            j.put("aic", f.aic());
            j.put("deltaAic", f.aic() - r.winner().aic());
            GoodnessOfFit t = f.test();
            ObjectNode tj = j.putObject("test");
            tj.put("name", t.test());
            tj.put("statistic", t.statistic());
            if (t.test().equals(GoodnessOfFit.CHI_SQUARE)) {
                tj.put("degreesOfFreedom", t.degreesOfFreedom());
            } else {
                tj.put("bootstrapSamples", t.bootstrapSamples());
            }
            number(tj, "pValue", t.pValue());
            if (!t.note().isEmpty()) {
                tj.put("note", t.note());
            }
            if (!t.cells().isEmpty()) {
                ArrayNode cells = tj.putArray("cells");
                for (GoodnessOfFit.Cell c : t.cells()) {
                    ObjectNode cj = cells.addObject();
                    cj.put("from", c.from());
                    if (c.to() == Integer.MAX_VALUE) {
                        cj.putNull("to");
                    } else {
                        cj.put("to", c.to());
                    }
                    cj.put("observed", c.observed());
                    cj.put("expected", c.expected());
                }
            }
            j.put("yaml", Snippet.yaml(r, f));
        }
        ArrayNode skipped = o.putArray("skipped");
        for (FitResult.Skipped s : r.skipped()) {
            ObjectNode sj = skipped.addObject();
            sj.put("family", s.family());
            sj.put("reason", s.reason());
        }
        try {
            return (MAPPER.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
