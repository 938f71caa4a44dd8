/**
 * The report room: turns a finished run directory ({@code summary.json}, optional {@code run.json}
 * and the scenario copy) into charts (PNG and SVG), a self-contained {@code report.html} and a
 * one-page plain-language briefing ({@code brief.md}, {@code brief.html}).
 *
 * <p>It only reads what a run wrote and never simulates, so {@code payrisk report DIR} can re-render
 * an old run. The single door is {@link org.payrisk.report.render.ReportRenderer#render}; the number
 * wording used by the briefing is public in {@link org.payrisk.report.render.PlainNumbers} so that
 * tests and other outputs round the same way. Every file is written atomically (temporary sibling,
 * then an atomic rename), so a re-render never leaves a half-written file behind.
 *
 * <p>Input contract: {@code docs/output-format.md}. Unknown fields in {@code summary.json} are ignored;
 * unknown scenario fields still appear in the report's assumptions table with their path and value.
 */
package org.payrisk.report.render;
