package org.payrisk.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text safe to print on a terminal. Names and paths come from files a user may not have
 * written (a scenario someone sent); an ESC or BEL byte in a model name must not move the cursor,
 * change colours, retitle the window or ring the bell. Every byte the command line prints goes
 * through {@link #writer}, so no call site can forget.
 *
 * <p>Control characters (C0 including tab, DEL, C1), format characters (bidirectional overrides such as
 * U+202E, zero-width U+200B and U+FEFF, all of category Cf), line and paragraph separators and lone
 * surrogates are shown as {@code \xHH} (ASCII) or {@code \u202E} style; {@link #writer} keeps line feeds,
 * which end the lines of messages and tables. Thread safe (stateless).
 */
final class Terminal {

    private Terminal() {
    }

    /**
     * @param text any text, e.g. a model name
     * @return the text with every control character, line feeds included, shown escaped
     */
    static String escape(CharSequence text) {
        return escape(text, false);
    }

    private static String escape(CharSequence text, boolean keepLines) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            int n = Character.charCount(c);
            if (!(keepLines && c == '\n') && hidden(c)) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                b.append(c < 0x80 ? String.format("\\x%02X", c) : c <= 0xFFFF ? String.format("\\u%04X", c)
                        : String.format("\\U%08X", c));
            } else if (b != null) {
                b.append(text, i, i + n);
            }
            i += n;
        }
        return b == null ? text.toString() : b.toString();
    }

    /**
     * Characters a terminal would act on or that hide or reorder what a reader sees: controls (C0 with
     * tab and line feed, DEL, C1), format characters (bidirectional overrides such as U+202E, zero-width
     * U+200B, U+FEFF and the rest of category Cf), line and paragraph separators, and lone surrogates.
     */
    private static boolean hidden(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> c != ' ' && (c < 0x20 || c > 0x7e);
            default -> false;
        };
    }

    /**
     * @param out where text goes (stdout or stderr)
     * @return a writer that escapes every character {@link #escape} does, except line feed, in everything
     *     written through it, flushing like {@code out}
     */
    static PrintWriter writer(PrintWriter out) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                out.write(escape(new String(buf, off, len), true));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        }, true);
    }
}
