package io.jenkins.plugins.promotiongates.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of {@code promotion-gates-cli.jar}: the engine's tools for people without Jenkins
 * (auditors, release engineers). Exit status 0 means success or verified, 1 not verified (refused or
 * tampered), 2 bad usage or unreadable input, 3 only from {@code verify-audit --trust-embedded-key}.
 */
public final class PromotionGatesCli {

    /** Written by the offline build (resource filtering) into the jar: {@code version=<project version>}. */
    static final String VERSION_RESOURCE = "cli-version.properties";

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    PromotionGatesCli(List<CliCommand> commands) {
        for (CliCommand command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    /** Every command this jar offers. Later commands are added to this list. */
    static PromotionGatesCli standard() {
        return new PromotionGatesCli(List.of(
                new DigestCommand(),
                new VerifySignatureCommand(),
                new VerifyAuditCommand(),
                new VerifyAttestationCommand()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(List.of(args), System.in, System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            printHelp(err);
            return CliCommand.USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                out.println(commands.get(args.get(1)).usage());
            } else {
                printHelp(out);
            }
            return CliCommand.OK;
        }
        if (first.equals("--version")) {
            out.println("promotion-gates-cli " + version());
            return CliCommand.OK;
        }
        if (first.startsWith("-")) {
            err.println("promotion-gates-cli: unknown option '" + first + "'");
            printHelp(err);
            return CliCommand.USAGE;
        }
        CliCommand command = commands.get(first);
        if (command == null) {
            err.println("promotion-gates-cli: unknown command '" + first + "'");
            printHelp(err);
            return CliCommand.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage());
            return CliCommand.OK;
        }
        return command.run(rest, in, out, err);
    }

    /** The jar's version from {@value #VERSION_RESOURCE}, or {@code unknown} outside a built jar. */
    static String version() {
        try (InputStream in = PromotionGatesCli.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void printHelp(PrintStream stream) {
        stream.println("usage: java -jar promotion-gates-cli.jar COMMAND [ARGUMENTS]");
        stream.println("       java -jar promotion-gates-cli.jar COMMAND --help | --help | --version");
        stream.println("commands:");
        commands.values().forEach(c -> stream.printf("  %-18s %s%n", c.name(), c.summary()));
        stream.println("exit status: 0 success/verified, 1 not verified (refused or tampered), 2 bad usage or"
                + " unreadable input, 3 verify-audit --trust-embedded-key: consistent, origin not checked");
    }
}
