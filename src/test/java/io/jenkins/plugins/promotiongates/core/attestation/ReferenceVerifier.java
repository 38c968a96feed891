package io.jenkins.plugins.promotiongates.core.attestation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference implementation the attestations are checked against: Debian's
 * {@code python3-securesystemslib} (0.26 on bookworm), run by the system's {@code /usr/bin/python3}
 * through the script {@code verify-attestation.py} (a test resource, and the recipe in
 * docs/attestations.md), and {@code in-toto-keygen} from Debian's {@code in-toto}. When they are
 * missing, tests fail naming the package to install: {@code .ci/run} installs both.
 */
public final class ReferenceVerifier {

    /** The system Python, whose dist-packages hold the Debian packages (not a pyenv on the PATH). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The script's resource name, next to this class. */
    public static final String SCRIPT = "verify-attestation.py";

    private ReferenceVerifier() {}

    /** What a tool did: its exit status and output. */
    public record Run(int exitCode, String out, String err) {}

    /** Fails the test unless /usr/bin/python3 can import securesystemslib's signer and cryptography. */
    public static void requireSecureSystemsLib(Path directory) throws Exception {
        String install = " Install it: apt-get install -y --no-install-recommends python3-securesystemslib"
                + " (.ci/run installs it for CI).";
        if (!Files.isExecutable(PYTHON)) {
            throw new AssertionError(PYTHON + " is missing, so securesystemslib cannot be run." + install);
        }
        Run run = run(directory, PYTHON.toString(), "-c", "import securesystemslib.signer, cryptography");
        if (run.exitCode() != 0) {
            throw new AssertionError(PYTHON + " cannot import securesystemslib.signer ("
                    + run.err().strip() + ")." + install);
        }
    }

    /** Fails the test unless in-toto's {@code in-toto-keygen} is installed. */
    public static Path requireInTotoKeygen() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path keygen = Path.of(directory, "in-toto-keygen");
            if (Files.isExecutable(keygen)) {
                return keygen;
            }
        }
        throw new AssertionError("in-toto-keygen is not installed. Install it: apt-get install -y"
                + " --no-install-recommends in-toto (.ci/run installs it for CI).");
    }

    /** The script, copied into {@code directory}. */
    public static Path script(Path directory) throws IOException {
        Path script = directory.resolve(SCRIPT);
        try (InputStream in = ReferenceVerifier.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new AssertionError("test resource " + SCRIPT + " is missing");
            }
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    /** Runs the script on an envelope file and a PEM public key. */
    public static Run verify(Path directory, Path envelope, Path pem) throws Exception {
        requireSecureSystemsLib(directory);
        return run(directory, PYTHON.toString(), script(directory).toString(), envelope.toString(), pem.toString());
    }

    /** Runs a command in {@code directory}, with no input. */
    public static Run run(Path directory, String... command) throws Exception {
        Path out = Files.createTempFile(directory, "out", ".txt");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        Run run = new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
