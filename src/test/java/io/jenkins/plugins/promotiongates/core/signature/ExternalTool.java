package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (gpg, openssl) for tests, failing with its output when it fails. */
public final class ExternalTool {

    private ExternalTool() {}

    /** Runs {@code command} in {@code directory} and returns its standard output. */
    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 120 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
        }
        return text;
    }

    /** Runs a shell command line in {@code directory}. */
    public static String sh(Path directory, String commandLine) throws IOException, InterruptedException {
        return run(directory, "bash", "-euo", "pipefail", "-c", commandLine);
    }
}
