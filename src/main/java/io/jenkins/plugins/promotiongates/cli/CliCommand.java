package io.jenkins.plugins.promotiongates.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code promotion-gates-cli.jar}. */
interface CliCommand {

    /** Exit status: the command succeeded and, where it checks something, the check passed. */
    int OK = 0;
    /** Exit status: the command ran, and what it checked did not hold (refused, tampered, not verified). */
    int NOT_VERIFIED = 1;
    /** Exit status: bad usage, or an input that could not be read. */
    int USAGE = 2;
    /**
     * Exit status of {@code verify-audit --trust-embedded-key}: the bundle is consistent with the key it
     * carries, but nothing says who holds that key. Never 0, so that {@code verify-audit ... && deploy}
     * cannot pass on a bundle a forger signed with their own key.
     */
    int CONSISTENT_ONLY = 3;

    /** The name typed after the jar, such as {@code digest}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text. */
    String usage();

    /**
     * @param in standard input, for the arguments that name it {@code -}
     */
    int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err);
}
