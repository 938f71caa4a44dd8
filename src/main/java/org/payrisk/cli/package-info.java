/**
 * The {@code payrisk} command line (picocli): {@code run}, {@code validate}, {@code init},
 * {@code report}. The only room that knows every other: it wires a scenario to an engine, the
 * outcomes to statistics and the statistics to files. Exit codes: 0 success; 2 bad input or a
 * problem of the machine the user can fix (disk full, permissions, a special file, too little
 * memory), one paragraph, no stack trace; 1 internal error, a bug (stack trace with {@code --debug}).
 * Everything printed goes through {@code Terminal}, which escapes control characters.
 */
package org.payrisk.cli;
