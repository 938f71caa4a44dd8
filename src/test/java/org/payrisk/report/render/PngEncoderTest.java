package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.report.SummaryJson;

/**
 * payrisk's own PNG writer gives files that the JDK's independent PNG reader decodes to exactly the
 * pixels drawn, and the same bytes every time; charts drawn on several threads are the same bytes as
 * charts drawn on one.
 */
class PngEncoderTest {

    @TempDir
    Path tmp;

    @Test
    void decodesToTheSamePixelsWhateverTheSizeOrContent() throws IOException {
        // Noise defeats every filter and run, so each byte of the encoder's row and filter arithmetic matters.
        SplittableRandom random = new SplittableRandom(1);
        for (int[] size : new int[][] {{1, 1}, {7, 5}, {1, 300}, {300, 1}, {257, 131}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            assertSamePixels(image, decode(PngEncoder.encode(image)), size[0] + "x" + size[1] + " noise");
        }
    }

    @Test
    void repeatedRowsAndSparseChangesDecodeToTheSamePixels() throws IOException {
        // The encoder's two shortcuts: a row equal to the row above is written as zeros, and another
        // row writes only its changed pixels and clears them after. Rows here repeat, change a few
        // pixels, change back, and change everywhere, so a stale byte left by either shortcut shows.
        SplittableRandom random = new SplittableRandom(2);
        BufferedImage image = new BufferedImage(97, 60, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[97];
        java.util.Arrays.fill(row, 0xFFFFFF);
        for (int y = 0; y < 60; y++) {
            int kind = y % 6;
            if (kind == 1) {
                row[random.nextInt(97)] = random.nextInt(1 << 24);
            } else if (kind == 3) {
                java.util.Arrays.fill(row, 0xFFFFFF);
            } else if (kind == 5) {
                for (int x = 0; x < 97; x++) {
                    row[x] = random.nextInt(1 << 24);
                }
            }
            image.setRGB(0, y, 97, 1, row, 0, 97);
        }
        assertSamePixels(image, decode(PngEncoder.encode(image)), "repeated and sparse rows");
    }

    @Test
    void changesAtTheRowEndsAndAlternatingPixelsDecodeToTheSamePixels() throws IOException {
        // The runs of pixels equal to the one above are skipped: runs that start or end at the first or
        // last pixel, runs of one pixel, and a first row holding black pixels (equal to the zeros above it).
        int w = 9;
        int[][] rows = {
            {0, 0xFFFFFF, 0, 0, 0x123456, 0, 0, 0, 0},
            {0, 0xFFFFFF, 0, 0, 0x123456, 0, 0, 0, 0},
            {1, 0xFFFFFF, 0, 0, 0x123456, 0, 0, 0, 0},
            {1, 0xFFFFFF, 0, 0, 0x123456, 0, 0, 0, 2},
            {3, 0xFFFFFE, 5, 0, 0x123457, 6, 0, 7, 8},
            {0, 0xFFFFFE, 0, 0, 0x123457, 0, 0, 7, 0},
            {0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF},
            {0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0},
            {0, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0},
        };
        BufferedImage image = new BufferedImage(w, rows.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rows.length; y++) {
            image.setRGB(0, y, w, 1, rows[y], 0, w);
        }
        assertSamePixels(image, decode(PngEncoder.encode(image)), "changes at the ends and alternating");
        BufferedImage one = new BufferedImage(1, 3, BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 1, 0xABCDEF);
        assertSamePixels(one, decode(PngEncoder.encode(one)), "one pixel wide");
    }

    @Test
    void imageDataLargerThanOneChunkIsSplitOverSeveralIdatChunks() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = PngEncoder.encode(image);
        int idat = 0;
        for (int i = 0; i + 4 <= png.length; i++) {
            if (png[i] == 'I' && png[i + 1] == 'D' && png[i + 2] == 'A' && png[i + 3] == 'T') {
                idat++;
            }
        }
        assertTrue(idat > 1, "270 KB of noise leaves the deflater in more than one piece: " + idat + " IDAT chunks");
        assertSamePixels(image, decode(png), "300x300 noise");
    }

    @Test
    void aDrawnChartDecodesToTheSamePixelsAndTheSameBytesTwice() throws IOException {
        SummaryJson.Document summary = SummaryJson.read(RenderedRun.get().dir.resolve("summary.json"));
        RiskCharts.ChartSpec spec = RiskCharts.all(summary).get(0);
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        spec.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 400, 240));
        g.dispose();
        byte[] png = PngEncoder.encode(image);
        assertSamePixels(image, decode(png), spec.slug());
        assertArrayEquals(png, PngEncoder.encode(image), "same pixels, same bytes");
    }

    @Test
    void aCanvasGivesEachChartTheZeroPixelsOfANewImage() {
        ChartWriter.Canvas canvas = new ChartWriter.Canvas();
        BufferedImage first = canvas.cleared(5, 3);
        java.awt.Graphics2D g = first.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 5, 3);
        g.dispose();
        assertEquals(0xFFFFFF, first.getRGB(4, 2) & 0xFFFFFF, "drawn on");
        BufferedImage second = canvas.cleared(5, 3);
        assertTrue(second == first, "the same size reuses the image");
        assertSamePixels(new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB), second, "cleared");
        BufferedImage other = canvas.cleared(6, 3);
        assertEquals(6, other.getWidth());
        assertEquals(BufferedImage.TYPE_INT_RGB, other.getType());
    }

    @Test
    void refusesImagesWithAnotherPixelLayout() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(argb));
    }

    @Test
    void chartsDrawnOnFourThreadsAreTheBytesOfChartsDrawnOnOne() throws IOException {
        SummaryJson.Document summary = SummaryJson.read(RenderedRun.get().dir.resolve("summary.json"));
        List<RiskCharts.ChartSpec> specs = new ArrayList<>(RiskCharts.all(summary));
        specs.addAll(SensitivityCharts.all(summary));
        List<ChartWriter.WrittenChart> one = ChartWriter.writeAll(specs, tmp.resolve("one"), 1);
        List<ChartWriter.WrittenChart> four = ChartWriter.writeAll(specs, tmp.resolve("four"), 4);
        assertEquals(specs.size(), four.size());
        for (int i = 0; i < specs.size(); i++) {
            String slug = specs.get(i).slug();
            assertEquals(tmp.resolve("four").resolve(slug + ".png"), four.get(i).png(), "results in the order of the specs");
            assertArrayEquals(Files.readAllBytes(one.get(i).png()), Files.readAllBytes(four.get(i).png()), slug + ".png");
            assertArrayEquals(Files.readAllBytes(one.get(i).svg()), Files.readAllBytes(four.get(i).svg()), slug + ".svg");
            assertEquals(one.get(i).inlineSvg(), four.get(i).inlineSvg(), slug + " inline SVG");
        }
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(decoded != null, "ImageIO reads the file as a PNG");
        return decoded;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth(), actual.getWidth(), what + " width");
        assertEquals(expected.getHeight(), actual.getHeight(), what + " height");
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), what + " pixel (" + x + ", " + y + ")");
            }
        }
    }
}
