package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool (ssh-keygen, minisign, signify-openbsd, sha256sum) in a directory. */
public final class ExternalTool {

    private ExternalTool() {}

    /** Runs the command and returns its standard output; fails the test if it exits non-zero. */
    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        return runWithInput(directory, Path.of("/dev/null"), command);
    }

    /** Runs the command with {@code input} as its standard input. */
    public static String runWithInput(Path directory, Path input, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "out", ".txt");
        Path errors = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(output);
        Files.delete(errors);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ": " + err
                    + " (install the tool: .ci/run lists the packages)");
        }
        return out;
    }

    /** Runs a shell command line in {@code directory} and returns its standard output. */
    public static String sh(Path directory, String commandLine) throws IOException, InterruptedException {
        return run(directory, "bash", "-euo", "pipefail", "-c", commandLine);
    }
}
