package io.jenkins.plugins.promotiongates.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code promotion-gates-cli.jar}. */
interface CliCommand {

    /** Exit status: the command succeeded and, where it checks something, the check passed. */
    int OK = 0;
    /** Exit status: the command ran, and what it checked did not hold. */
    int NOT_VERIFIED = 1;
    /** Exit status: bad usage, or an input that could not be read. */
    int USAGE = 2;

    /** The name typed after the jar, such as {@code digest}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text. */
    String usage();

    int run(List<String> arguments, PrintStream out, PrintStream err);
}
