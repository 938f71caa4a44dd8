package org.payrisk.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} flag shared by every command (read early by {@link Main#execute}). */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace of an internal error.")
    boolean debug;
}
