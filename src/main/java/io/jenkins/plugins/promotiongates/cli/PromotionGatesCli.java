package io.jenkins.plugins.promotiongates.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code promotion-gates-cli.jar}: the engine's tools for people without Jenkins
 * (auditors, release engineers). Exit status 0 means success or verified, 1 not verified, 2 bad
 * usage or unreadable input.
 */
public final class PromotionGatesCli {

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    PromotionGatesCli(List<CliCommand> commands) {
        for (CliCommand command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    /** Every command this jar offers. Later commands are added to this list. */
    static PromotionGatesCli standard() {
        return new PromotionGatesCli(
                List.of(new DigestCommand(), new VerifySignatureCommand(), new VerifyAuditCommand()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(List.of(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            printHelp(args.isEmpty() ? err : out);
            return args.isEmpty() ? CliCommand.USAGE : CliCommand.OK;
        }
        CliCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("promotion-gates-cli: unknown command '" + args.get(0) + "'");
            printHelp(err);
            return CliCommand.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help")) {
            out.println(command.usage());
            return CliCommand.OK;
        }
        return command.run(rest, out, err);
    }

    private void printHelp(PrintStream stream) {
        stream.println("usage: java -jar promotion-gates-cli.jar COMMAND [ARGUMENTS]");
        stream.println("commands:");
        commands.values().forEach(c -> stream.printf("  %-18s %s%n", c.name(), c.summary()));
        stream.println("exit status: 0 success/verified, 1 not verified, 2 bad usage or unreadable input");
    }
}
