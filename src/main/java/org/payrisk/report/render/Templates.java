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

    private static final MustacheFactory HTML = new DefaultMustacheFactory(ROOT) {
        @Override
        public void encode(String value, Writer writer) {
            super.encode(Names.plain(value), writer);
        }
    };

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

    /** The run report's page, its brief as a page and as Markdown: the templates a run renders. */
    static final String REPORT = "report.mustache";
    static final String BRIEF_HTML = "brief.html.mustache";
    static final String BRIEF_MD = "brief.md.mustache";

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

    /** Compiles the report's templates into the factories' caches (a warm-up; renders nothing). */
    static void compileAll() {
        HTML.compile(REPORT);
        HTML.compile(BRIEF_HTML);
        MARKDOWN.compile(BRIEF_MD);
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
     * Makes text safe inside one line of a Markdown document: {@link Names#plain} first (no line break
     * can start a heading, rule, list or quote, no control character is written), then a backslash before
     * every character that starts Markdown inline syntax (emphasis, code, links, images, HTML, entity
     * references, table cells, strikethrough), and before a character that would start a block (a
     * heading's {@code #}, a list's {@code -}, {@code +} or {@code 1.}, a quote's {@code >}, a setext
     * underline's {@code =}) at the start of the text, which a template may place at the start of a line
     * or list item. A scenario name like {@code *new* clinic} prints as written.
     */
    static String escapeMarkdown(String s) {
        // Leading spaces would make an indented code block at the start of a line; Markdown drops them anyway.
        String p = Names.plain(s).stripLeading();
        StringBuilder b = new StringBuilder(p.length() + 8);
        int digits = 0;
        while (digits < p.length() && p.charAt(digits) >= '0' && p.charAt(digits) <= '9') {
            digits++;
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean blockStart = i == 0 && "#+-=>".indexOf(c) >= 0
                    || i == digits && digits > 0 && (c == '.' || c == ')');
            if ("\\`*_[]<>|~&".indexOf(c) >= 0 || blockStart) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
