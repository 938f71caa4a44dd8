package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Every chart file of the fixture run: decodable, right size, not blank, valid SVG, consistent colours. */
class ChartsTest {

    /** The chart files a 3-model, 3-comparison run must produce (one entry per chart kind and instance). */
    static Stream<String> slugs() {
        return Stream.of("income-distribution", "exceedance", "box",
                "monthly-fan-fee-for-service", "monthly-fan-capitation", "monthly-fan-bundled",
                "difference-fee-for-service-vs-capitation", "difference-fee-for-service-vs-bundled",
                "difference-capitation-vs-bundled", "risk-bars",
                "cash-fan-fee-for-service", "cash-fan-capitation", "cash-fan-bundled",
                "tornado-fee-for-service", "tornado-capitation", "tornado-bundled",
                "tornado-fee-for-service-vs-capitation", "tornado-fee-for-service-vs-bundled",
                "tornado-capitation-vs-bundled", "spider-fee-for-service", "spider-capitation", "spider-bundled", "certainty-equivalent");
    }

    @ParameterizedTest
    @MethodSource("slugs")
    void pngDecodesAtTwiceTheLogicalSizeAndIsNotBlank(String slug) throws IOException {
        BufferedImage png = png(slug);
        assertEquals(1800, png.getWidth(), "PNG width of " + slug);
        assertEquals(1080, png.getHeight(), "PNG height of " + slug);
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                int rgb = png.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        long sampled = (long) (png.getWidth() / 2) * (png.getHeight() / 2);
        assertTrue(colours.size() > 50, slug + " has only " + colours.size() + " distinct colours");
        assertTrue(nonWhite > sampled / 50, slug + " is nearly blank: " + nonWhite + " of " + sampled + " pixels drawn");
    }

    @ParameterizedTest
    @MethodSource("slugs")
    void svgIsWellFormedXmlWithTheLogicalSize(String slug) throws Exception {
        Path svg = RenderedRun.get().dir.resolve("charts/" + slug + ".svg");
        Document doc = xmlParser().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("900", doc.getDocumentElement().getAttribute("width"));
        assertEquals("540", doc.getDocumentElement().getAttribute("height"));
        assertEquals("0 0 900 540", doc.getDocumentElement().getAttribute("viewBox"));
        assertTrue(doc.getElementsByTagName("text").getLength() > 5, slug + " SVG has no text");
        assertFalse(Files.readString(svg).contains("<!DOCTYPE"), "a DOCTYPE would make parsers fetch a DTD");
    }

    @Test
    void everyModelKeepsItsColourAcrossCharts() throws IOException {
        List<String> models = FixtureRun.MODELS;
        for (String shared : List.of("income-distribution", "exceedance", "box", "risk-bars")) {
            BufferedImage png = png(shared);
            for (int i = 0; i < models.size(); i++) {
                assertTrue(contains(png, ChartStyle.modelColour(i)),
                        shared + " lacks the colour of " + models.get(i));
            }
        }
        for (int i = 0; i < models.size(); i++) {
            BufferedImage fan = png("monthly-fan-" + models.get(i));
            for (int j = 0; j < models.size(); j++) {
                assertEquals(i == j, contains(fan, ChartStyle.modelColour(j)),
                        "fan chart of " + models.get(i) + " and the colour of " + models.get(j));
            }
        }
        for (int i = 0; i < models.size(); i++) {
            BufferedImage fan = png("cash-fan-" + models.get(i));
            for (int j = 0; j < models.size(); j++) {
                assertEquals(i == j, contains(fan, ChartStyle.modelColour(j)),
                        "cash fan of " + models.get(i) + " and the colour of " + models.get(j));
            }
        }
        BufferedImage diff = png("difference-fee-for-service-vs-bundled");
        assertTrue(contains(diff, ChartStyle.modelColour(0)));
        assertTrue(contains(diff, ChartStyle.modelColour(2)));
        assertFalse(contains(diff, ChartStyle.modelColour(1)));
    }

    @Test
    void chartsAreWrittenForEveryModelAndComparisonAndNothingElse() throws IOException {
        Set<String> expected = new HashSet<>();
        slugs().forEach(s -> {
            expected.add(s + ".png");
            expected.add(s + ".svg");
        });
        Set<String> actual = new HashSet<>();
        try (Stream<Path> files = Files.list(RenderedRun.get().dir.resolve("charts"))) {
            files.forEach(p -> actual.add(p.getFileName().toString()));
        }
        assertEquals(expected, actual);
    }

    @Test
    void differenceTitleStatesTheChanceAInPlainWords() throws IOException {
        String svg = Files.readString(RenderedRun.get().dir.resolve("charts/difference-fee-for-service-vs-capitation.svg"));
        double p = RenderedRun.get().summary.get("comparisons").get(0).get("probAGreater").asDouble();
        assertTrue(svg.contains("fee-for-service beats capitation in " + PlainNumbers.percent(p) + " of simulated years"),
                "title with P(A > B), the model name kept as written");
    }

    @Test
    void moneyAxesUseDollarsWithThousandsSeparators() throws IOException {
        String svg = Files.readString(RenderedRun.get().dir.resolve("charts/box.svg"));
        assertTrue(svg.contains(">$100,000<"), "a tick label like $100,000");
        String fan = Files.readString(RenderedRun.get().dir.resolve("charts/monthly-fan-fee-for-service.svg"));
        assertTrue(fan.matches("(?s).*>-\\$[0-9]{1,3},000<.*"), "negative ticks written -$5,000");
    }

    @Test
    void cashFanSaysWhatItShowsInPlainWordsWithTheReserveAndTheEmptyAccountLine() throws IOException {
        for (String model : FixtureRun.MODELS) {
            String svg = Files.readString(RenderedRun.get().dir.resolve("charts/cash-fan-" + model + ".svg"));
            assertTrue(svg.contains("How much cash is in the bank at the end of each month?"), model + " title");
            assertTrue(svg.contains(">empty bank account<"), model + " zero line label");
            assertTrue(svg.contains("starting reserve $10,000"), model + " subtitle names the reserve");
            assertTrue(svg.contains(PlainNumbers.count(FixtureRun.TRIALS) + " simulated years"), model + " subtitle names the trial count");
            assertTrue(svg.contains(FixtureRun.SCENARIO_NAME), model + " subtitle names the scenario");
            // Month 0 (the start) to 12 on the month axis.
            assertTrue(svg.contains(">0<") && svg.contains(">12<"), model + " months 0 to 12");
        }
    }

    @Test
    void cashFansShareOneDollarScale() throws IOException {
        List<String> first = null;
        for (String model : FixtureRun.MODELS) {
            String svg = Files.readString(RenderedRun.get().dir.resolve("charts/cash-fan-" + model + ".svg"));
            List<String> ticks = java.util.regex.Pattern.compile(">(-?\\$[0-9,]+)<").matcher(svg).results()
                    .map(m -> m.group(1)).toList();
            assertTrue(ticks.size() >= 3, model + " has dollar ticks: " + ticks);
            assertTrue(ticks.contains("$0"), model + " shows the zero line on its scale: " + ticks);
            if (first == null) {
                first = ticks;
            } else {
                assertEquals(first, ticks, "same dollar ticks as " + FixtureRun.MODELS.get(0));
            }
        }
    }

    private static BufferedImage png(String slug) throws IOException {
        BufferedImage img = ImageIO.read(RenderedRun.get().dir.resolve("charts/" + slug + ".png").toFile());
        assertTrue(img != null, slug + ".png does not decode");
        return img;
    }

    private static boolean contains(BufferedImage img, Color c) {
        int want = c.getRGB() & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == want) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A parser that never touches the network (no external DTDs or entities). */
    static DocumentBuilder xmlParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }
}
