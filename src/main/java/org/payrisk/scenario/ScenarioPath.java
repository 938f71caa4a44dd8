package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of one input of a scenario, e.g. {@code models[capitation].default.capitation.pmpm},
 * {@code demand.cases[0].followUpVisits.negativeBinomial.mean} or {@code cash.startingReserve}.
 * Fields are separated by dots; an item of a list is chosen by its index ({@code cases[0]}) or by its
 * {@code name} ({@code cases[hand]}). A path may go into a distribution's parameters (family name,
 * then parameter) and may name a field left at its default. Immutable; parse once, use many times
 * (for example in a sweep, with {@link Scenario#with(ScenarioPath, double)}).
 */
public final class ScenarioPath {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_\\-]+)(?:\\[([^\\[\\]]+)\\])?");

    /**
     * One step: a field of a mapping, then optionally an item of the list that field holds.
     *
     * @param field the field name
     * @param item the list item's index or name, or null when the field is not a list
     */
    public record Segment(String field, String item) {
        /** @return true when the item is chosen by index */
        public boolean byIndex() {
            return item != null && item.chars().allMatch(Character::isDigit);
        }

        @Override
        public String toString() {
            return item == null ? field : field + "[" + item + "]";
        }
    }

    private final List<Segment> segments;

    private ScenarioPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * @param text a path such as {@code models[capitation].default.capitation.pmpm}
     * @return the path
     * @throws IllegalArgumentException when the text is not a path, saying where
     */
    public static ScenarioPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a field path such as demand.cancellationRate, found nothing");
        }
        List<Segment> out = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected a field path such as models[capitation].default.capitation.pmpm, "
                        + "found `" + text + "`: `" + part + "` is not a field name (letters, digits, _ and -) with an "
                        + "optional [index or name]");
            }
            out.add(new Segment(m.group(1), m.group(2) == null ? null : m.group(2).trim()));
        }
        return new ScenarioPath(out);
    }

    /** @return the steps, outermost first */
    public List<Segment> segments() {
        return segments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** @return the path as written, e.g. {@code models[capitation].default.capitation.pmpm} */
    @Override
    public String toString() {
        return String.join(".", segments.stream().map(Segment::toString).toList());
    }
}
