/**
 * The {@code payrisk} command line (picocli): {@code run}, {@code validate}, {@code init},
 * {@code report}. The only room that knows every other: it wires a scenario to an engine, the
 * outcomes to statistics and the statistics to files. Exit codes: 0 success, 2 bad input (one
 * paragraph, no stack trace), 1 internal error (stack trace with {@code --debug}).
 */
package org.payrisk.cli;
