package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** File-name slugs, display text and Markdown escaping of names a user may write. */
class NamesTest {

    @Test
    void slugsAreShortAsciiAndKeepLongNamesApartByTheirHash() {
        assertEquals("fee-for-service", Names.slug("Fee-for-service"), "ordinary names keep their slug");
        assertEquals("cafe", Names.slug("Caf\u00e9"));
        assertEquals("model", Names.slug("\u6309\u670d\u52a1"));
        String stem = "x".repeat(120);
        String a = Names.slug(stem + "a");
        String b = Names.slug(stem + "b");
        assertEquals(Names.MAX_SLUG, a.length(), a);
        assertNotEquals(a, b);
        assertTrue(a.matches("x+-[0-9a-f]{8}"), a);
    }

    @Test
    void claimedNamesAreDistinctWhateverIsAskedFor() {
        Set<String> used = new HashSet<>();
        List<String> wanted = List.of("a", "a", "a-2", "a", "a-2", "a-3");
        Set<String> got = new HashSet<>();
        for (String w : wanted) {
            got.add(Names.claim(used, w));
        }
        assertEquals(wanted.size(), got.size(), String.valueOf(got));
        assertEquals(List.of("a", "a-2", "a-3", "cafe", "cafe-2"),
                Names.uniqueSlugs(List.of("A", "a", "a!", "cafe", "caf\u00e9")));
    }

    @Test
    void plainTextIsOneLineWithNoControlCharacters() {
        assertEquals("a b c", Names.plain("a\r\nb\tc"));
        assertEquals("esc \u241b[31m bell \u2407 del \u2421 c1 \ufffd rlo \ufffd",
                Names.plain("esc \u001b[31m bell \u0007 del \u007f c1 \u009b rlo \u202e"));
        assertEquals("fee-for-service", Names.plain("fee-for-service"));
        assertEquals(List.of("a b", "a b (2)"), Names.uniqueLabels(List.of("a b", "a\nb")));
    }

    @Test
    void markdownEscapingStopsBlocksAtTheStartAndInlineSyntaxEverywhere() {
        assertEquals("\\# heading", Templates.escapeMarkdown("# heading"));
        assertEquals("\\# heading", Templates.escapeMarkdown("   # heading"));
        assertEquals("\\- item", Templates.escapeMarkdown("- item"));
        assertEquals("1\\. item", Templates.escapeMarkdown("1. item"));
        assertEquals("\\> quote", Templates.escapeMarkdown("> quote"));
        assertEquals("a ---", Templates.escapeMarkdown("a\n---"), "a rule needs a line of its own");
        assertEquals("\\*new\\* \\[x\\](y) \\&amp; \\~\\~s\\~\\~ \\<b\\>",
                Templates.escapeMarkdown("*new* [x](y) &amp; ~~s~~ <b>"));
        assertEquals("fee-for-service", Templates.escapeMarkdown("fee-for-service"));
    }
}
