package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

/**
 * The one gpg fixture of the tests: a throw-away GnuPG home ({@code gh}, mode 700) in a work
 * directory, keys and signatures made there by the real {@code gpg} with an empty passphrase, and
 * the agent gpg starts for that home stopped at the end.
 *
 * <p>As a JUnit rule ({@code @Rule} or {@code @ClassRule}) it makes a new temporary work directory and
 * deletes it afterwards. The benchmarks, which are not tests, open one on a directory of their own with
 * {@link #in(Path)} and close it.
 */
public final class GpgHome extends ExternalResource implements AutoCloseable {

    /**
     * Defines {@code g}, gpg on this home in batch mode with an empty passphrase, and {@code fpr EMAIL},
     * the fingerprint of that user's primary key.
     */
    private static final String FUNCTIONS = """
            g() { gpg --homedir gh --batch --pinentry-mode loopback --passphrase '' --quiet "$@"; }
            fpr() { g --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }
            """;

    private final TemporaryFolder folder;
    private Path directory;

    /** A rule whose work directory is a new temporary directory. */
    public GpgHome() {
        this.folder = new TemporaryFolder();
    }

    private GpgHome(Path directory) {
        this.folder = null;
        this.directory = directory;
    }

    /** A GnuPG home in {@code directory/gh}, made if it is not there yet (a benchmark's work directory). */
    public static GpgHome in(Path directory) throws IOException {
        GpgHome home = new GpgHome(directory);
        home.makeHome();
        return home;
    }

    @Override
    protected void before() throws Throwable {
        folder.create();
        directory = folder.getRoot().toPath();
        makeHome();
    }

    @Override
    protected void after() {
        close();
        folder.delete();
    }

    private void makeHome() throws IOException {
        Path home = home();
        if (!Files.isDirectory(home)) {
            Files.createDirectory(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** The work directory: scripts run in it, and the files they write are there. */
    public Path directory() {
        return directory;
    }

    /** The GnuPG home, {@code gh} in the work directory. */
    public Path home() {
        return directory.resolve("gh");
    }

    /**
     * Runs a bash script in the work directory, with {@code g ARGS} (gpg on this home) and
     * {@code fpr EMAIL} defined, and returns its standard output; fails the test if it fails.
     */
    public String sh(String script) throws IOException, InterruptedException {
        return ExternalTool.sh(directory, FUNCTIONS + script);
    }

    /** Makes a key that never expires, for example {@code ("Ed <ed@example.org>", "ed25519", "sign")}. */
    public void generateKey(String userId, String algorithm, String usage) throws IOException, InterruptedException {
        sh("g --quick-gen-key " + quoted(userId) + " " + algorithm + " " + usage + " never\n");
    }

    /** Writes the ASCII-armored public key of {@code email} to {@code file} in the work directory. */
    public Path exportArmored(String email, String file) throws IOException, InterruptedException {
        sh("g --armor --export " + quoted(email) + " > " + quoted(file) + "\n");
        return directory.resolve(file);
    }

    /** Signs {@code file} with the key of {@code email}: an ASCII-armored detached signature. */
    public Path signArmored(String email, String file, String signature) throws IOException, InterruptedException {
        sh("g -u " + quoted(email) + " --armor --detach-sign -o " + quoted(signature) + " " + quoted(file) + "\n");
        return directory.resolve(signature);
    }

    /** The fingerprint of the primary key of {@code email}, as gpg prints it. */
    public String fingerprint(String email) throws IOException, InterruptedException {
        return sh("fpr " + quoted(email) + "\n").trim();
    }

    /** Stops the gpg-agent of this home, if gpg started one. */
    @Override
    public void close() {
        if (directory == null || !Files.isDirectory(home())) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("gpgconf", "--homedir", home().toString(), "--kill", "gpg-agent")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(30, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // no gpgconf: no agent of ours to stop either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
