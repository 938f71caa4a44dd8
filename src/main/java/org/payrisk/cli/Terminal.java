package org.payrisk.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text safe to print on a terminal. Names and paths come from files a user may not have
 * written (a scenario someone sent); an ESC or BEL byte in a model name must not move the cursor,
 * change colours, retitle the window or ring the bell. Every byte the command line prints goes
 * through {@link #writer}, so no call site can forget.
 *
 * <p>Control characters (C0 except line feed and tab, DEL, C1) are shown as {@code \xHH} (C0, DEL)
 * or {@code \u0085} style (C1). Thread safe (stateless).
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
            boolean allowed = c == '\t' || (keepLines && c == '\n');
            if (control && !allowed) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                b.append(c < 0x80 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text.toString() : b.toString();
    }

    /**
     * @param out where text goes (stdout or stderr)
     * @return a writer that escapes control characters other than line feed and tab in everything
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
