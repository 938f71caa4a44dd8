package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The briefing's rounding rule, on hand-checked values. */
class PlainNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "35123       | $35,100",
        "16229.4     | $16,200",
        "35050       | $35,100",   // half-up at the third figure
        "35049.99    | $35,000",
        "2463.2      | $2,460",
        "812.4       | $812",
        "52.3        | $52",        // never finer than whole dollars
        "0.4         | $0",
        "-0.4        | $0",         // no sign on a zero
        "-5000       | -$5,000",
        "-12345      | -$12,300",
        "999499      | $999,000",
        "999999      | $1 million", // rounds up across the million
        "1200000     | $1.2 million",
        "1234567     | $1.23 million",
        "-2500000    | -$2.5 million",
        "1990000000  | $1.99 billion",
    })
    void dollars(double amount, String expected) {
        assertEquals(expected, PlainNumbers.dollars(amount));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.634   | 63%",
        "0.0161  | 2%",
        "0.005   | 1%",
        "0.00499 | less than 1%",
        "0       | less than 1%",
        "0.5     | 50%",
        "0.994   | 99%",
        "0.995   | more than 99%",
        "1       | more than 99%",
    })
    void percent(double p, String expected) {
        assertEquals(expected, PlainNumbers.percent(p));
    }

    @Test
    void count() {
        assertEquals("10,000", PlainNumbers.count(10_000));
        assertEquals("100,000", PlainNumbers.count(100_000));
        assertEquals("7", PlainNumbers.count(7));
    }

    @Test
    void rejectsValuesThatAreNotNumbersOrProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> PlainNumbers.dollars(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PlainNumbers.dollars(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PlainNumbers.percent(-0.01));
        assertThrows(IllegalArgumentException.class, () -> PlainNumbers.percent(1.01));
        assertThrows(IllegalArgumentException.class, () -> PlainNumbers.percent(Double.NaN));
    }
}
