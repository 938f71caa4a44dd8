package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.List;
import org.payrisk.scenario.Fields.Range;

/**
 * One field of a scenario block as declared once for every consumer: the reader takes each block's
 * known keys from its {@link Block} (so an unknown key is refused), and {@link ScenarioSchema} turns
 * the same declarations into the JSON Schema editors use. Units come from {@link ScenarioFields}.
 *
 * @param name the key as written in a scenario
 * @param type what the value may be
 * @param required true when the reader refuses the block without it
 * @param doc one sentence for a reader of the scenario (shown on hover in an editor)
 * @param dflt the value the reader uses when the field is left out (a number, text or boolean), or null
 */
record FieldSpec(String name, Type type, boolean required, String doc, Object dflt) {

    static FieldSpec required(String name, Type type, String doc) {
        return new FieldSpec(name, type, true, doc, null);
    }

    static FieldSpec optional(String name, Type type, String doc) {
        return new FieldSpec(name, type, false, doc, null);
    }

    static FieldSpec optional(String name, Type type, String doc, Object dflt) {
        return new FieldSpec(name, type, false, doc, dflt);
    }

    /** What a field's value may be. */
    sealed interface Type permits Num, Whole, Text, Bool, Choice, WholeChoice, Dist, Ref, ListOf, MapOf, AnyOf, OneOf, Contract {
    }

    /**
     * A number in {@code range}, at most {@code max} (at least {@code -max} when the range admits negatives).
     */
    record Num(Range range, double max) implements Type {
        Num(Range range) {
            this(range, range.max);
        }
    }

    /** A whole number in [min, max]. */
    record Whole(long min, long max) implements Type {
    }

    /** Text (a number is read as its text, e.g. a CPT code written 97530). */
    record Text() implements Type {
    }

    /** true or false. */
    record Bool() implements Type {
    }

    /** One of a few words. */
    record Choice(List<String> values) implements Type {
    }

    /** One of a few whole numbers (e.g. the years of the built-in fee schedules). */
    record WholeChoice(List<Integer> values) implements Type {
    }

    /** A number in the range, or a distribution whose draws are (see {@link DistributionReader}). */
    record Dist(Range range, double max) implements Type {
        Dist(Range range) {
            this(range, range.max);
        }
    }

    /** A nested block. */
    record Ref(Block block) implements Type {
    }

    /** A list of items, with at least {@code min} and at most {@code max} items. */
    record ListOf(Type item, int min, int max) implements Type {
    }

    /** A mapping from names chosen by the user ({@code keyDoc} says which) to values. */
    record MapOf(Type value, String keyDoc, int minEntries) implements Type {
    }

    /** Any of several forms (they may overlap). */
    record AnyOf(List<Type> options) implements Type {
    }

    /**
     * A contract: exactly one payment rule of {@link RuleRegistry} (with its registered terms) and
     * the fields of {@link Blocks#CONTRACT_EXTRAS}. A marker rather than a block, so that the
     * declarations need not wait for the registry.
     */
    record Contract() implements Type {
    }

    /** Exactly one of several forms. */
    record OneOf(List<Type> options) implements Type {
    }

    /**
     * A mapping of declared fields.
     *
     * @param id the name of its definition in the schema, e.g. {@code practice}
     * @param context the key it is written under, for units that depend on it (e.g. {@code kx}), or empty
     * @param doc what the block is
     * @param fields its fields, in the order a scenario writes them
     * @param others the type of any other key (e.g. CPT codes in a fee schedule), or null when the
     *               reader refuses unknown keys
     * @param exactlyOne keys of which exactly one must be present (e.g. the overlay kinds), or empty
     */
    record Block(String id, String context, String doc, List<FieldSpec> fields, Type others, List<String> exactlyOne) {

        Block {
            fields = List.copyOf(fields);
            exactlyOne = List.copyOf(exactlyOne);
        }

        static Block of(String id, String context, String doc, FieldSpec... fields) {
            return new Block(id, context, doc, List.of(fields), null, List.of());
        }

        /** @return the declared keys, in order: the reader's list of known fields */
        List<String> keys() {
            List<String> out = new ArrayList<>();
            for (FieldSpec f : fields) {
                out.add(f.name());
            }
            return List.copyOf(out);
        }

        /** @return this block's keys followed by {@code other}'s keys not already here */
        List<String> keysWith(Block other) {
            List<String> out = new ArrayList<>(keys());
            for (String k : other.keys()) {
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
            return List.copyOf(out);
        }
    }
}
