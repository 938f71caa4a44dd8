package org.payrisk.report.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders the mustache templates in {@code src/main/resources/org/payrisk/report/render/}.
 *
 * <p>HTML templates escape every {@code {{value}}} for HTML (mustache.java's default), so no text from
 * a scenario or summary can inject markup; only markup payrisk generates itself (inline SVG) goes
 * through {@code {{{value}}}}. Markdown templates escape Markdown's inline syntax instead. Thread
 * safe: mustache factories cache compiled templates and may be shared.
 */
final class Templates {

    private static final String ROOT = "org/payrisk/report/render";

    private static final MustacheFactory HTML = new DefaultMustacheFactory(ROOT);

    private static final MustacheFactory MARKDOWN = new DefaultMustacheFactory(ROOT) {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escapeMarkdown(value));
            } catch (IOException e) {
                throw new MustacheException("failed to write markdown", e);
            }
        }
    };

    private Templates() {
    }

    /** Renders an HTML template with HTML escaping. */
    static String html(String template, Object scope) {
        return render(HTML, template, scope);
    }

    /** Renders a Markdown template with Markdown escaping. */
    static String markdown(String template, Object scope) {
        return render(MARKDOWN, template, scope);
    }

    private static String render(MustacheFactory factory, String template, Object scope) {
        StringWriter out = new StringWriter();
        try {
            factory.compile(template).execute(out, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Backslash-escapes the characters that start Markdown inline syntax (emphasis, code, links, HTML,
     * table cells) so a scenario name like {@code *new* clinic} prints as written.
     */
    static String escapeMarkdown(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
