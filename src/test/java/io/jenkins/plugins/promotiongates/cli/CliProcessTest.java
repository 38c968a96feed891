package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.audit.BundleFiles;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The command line as a script sees it: a separate {@code java} process running the CLI's main class,
 * its real exit status (through {@code System.exit}) and its real standard input.
 */
public class CliProcessTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;

    record Result(int status, String out, String err) {}

    @BeforeClass
    public static void files() throws Exception {
        dir = TEMP.getRoot().toPath();
        byte[] bundle = BundleFiles.sample(dir);
        Files.write(dir.resolve("bundle.json"), bundle);
        Files.writeString(
                dir.resolve("tampered.json"), new String(bundle, StandardCharsets.UTF_8).replace("alice", "mallo"));
        Files.writeString(
                dir.resolve("controller.pem"),
                PublicKeys.toPem(BundleFiles.key().getPublic()));
        Files.writeString(dir.resolve("app.tar.gz"), "release\n");
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        Files.writeString(dir.resolve("signers"), "alice@example.com " + Files.readString(dir.resolve("ssh.pub")));
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ssh", "-n", "file", "app.tar.gz");
        ExternalTool.run(dir, "mkfifo", "fifo");
    }

    private static Result cli(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PromotionGatesCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (java.io.IOException closedEarly) {
            // the command did not read its standard input
        }
        assertTrue(String.join(" ", args) + " finished", process.waitFor(60, TimeUnit.SECONDS));
        return new Result(
                process.exitValue(),
                new String(out.get(), StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result cli(String... args) throws Exception {
        return cli(new byte[0], args);
    }

    @Test
    public void exitStatusesAsAScriptSeesThem() throws Exception {
        assertEquals(
                0, cli("verify-audit", "bundle.json", "--key", "controller.pem").status());
        Result tampered = cli("verify-audit", "tampered.json", "--key", "controller.pem");
        assertEquals(1, tampered.status());
        assertThat(tampered.out(), containsString("does not match its hash"));
        Result noKey = cli("verify-audit", "bundle.json");
        assertEquals(2, noKey.status());
        assertThat(noKey.err(), containsString("--key is required"));
        assertEquals(
                3, cli("verify-audit", "bundle.json", "--trust-embedded-key").status());
        assertEquals(
                1, cli("verify-audit", "tampered.json", "--trust-embedded-key").status());
        Result unknown = cli("digest", "--bogus");
        assertEquals(2, unknown.status());
        assertThat(unknown.err(), containsString("unknown option '--bogus'"));
        assertEquals(2, cli().status());
        Result version = cli("--version");
        assertEquals(0, version.status());
        assertEquals("promotion-gates-cli " + CliInputsTest.projectVersion() + "\n", version.out());
        Result help = cli("verify-signature", "--help");
        assertEquals(0, help.status());
        assertThat(help.out(), containsString("usage: verify-signature"));
    }

    @Test
    public void standardInputAsDash() throws Exception {
        byte[] release = Files.readAllBytes(dir.resolve("app.tar.gz"));
        Result digest = cli(release, "digest", "-");
        assertEquals(0, digest.status());
        assertEquals(ExternalTool.run(dir, "sha256sum", "app.tar.gz").replace("app.tar.gz", "-"), digest.out());
        assertEquals(
                0,
                cli(release, "verify-signature", "--artifact", "-", "--signature", "app.tar.gz.sig", "--key", "signers")
                        .status());
        assertEquals(
                1,
                cli(
                                "changed\n".getBytes(StandardCharsets.UTF_8),
                                "verify-signature",
                                "--artifact",
                                "-",
                                "--signature",
                                "app.tar.gz.sig",
                                "--key",
                                "signers")
                        .status());
    }

    @Test
    public void aFifoIsRefusedWithoutHanging() throws Exception {
        Result result = cli("digest", "fifo");
        assertEquals(2, result.status());
        assertThat(result.err(), containsString("'fifo' is not a regular file"));
        assertEquals(2, cli("verify-audit", "fifo", "--key", "controller.pem").status());
        assertEquals(2, cli("verify-audit", "bundle.json", "--key", "fifo").status());
        assertEquals(
                2,
                cli("verify-signature", "--artifact", "fifo", "--signature", "app.tar.gz.sig", "--key", "signers")
                        .status());
        assertEquals(2, cli("digest", "/dev/zero").status());
        assertTrue(new File(dir.toFile(), "fifo").exists());
    }
}
