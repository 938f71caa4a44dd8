package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rule registry is the one list of payment rules: the reader, its messages and the docs follow it. */
class RuleRegistryTest {

    @Test
    void everyRegisteredRuleIsDocumentedAtItsAnchor() throws IOException {
        Set<String> anchors = Files.readAllLines(Path.of("docs/payment-rules.md")).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+ *", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        for (String key : RuleRegistry.keys()) {
            RuleRegistry.Kind k = RuleRegistry.get(key);
            assertNotNull(k.reader(), key);
            String anchor = k.docs().substring(k.docs().indexOf('#') + 1);
            assertTrue(anchors.contains(anchor), key + ": no heading for #" + anchor + " in " + anchors);
        }
    }

    @Test
    void anUnknownRuleIsALocatedErrorListingTheRegisteredOnes() {
        String text = ScenarioErrorsTest.BASE.replace("default: { capitation:", "default: { capitaton:");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioErrorsTest.parse(text));
        assertEquals("models[1].default.capitaton", e.path());
        assertEquals(31, e.line());
        assertTrue(e.problem().contains("did you mean `capitation`?") && e.problem().contains("Known rules: "
                + String.join(", ", RuleRegistry.keys())), e.getMessage());
    }
}
