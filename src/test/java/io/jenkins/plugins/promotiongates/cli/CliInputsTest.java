package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.audit.BundleFiles;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The command line's contract with scripts, in process: help, version, unknown options, standard
 * input, and inputs that are not regular files or are too large (refused at once, never read).
 */
public class CliInputsTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path dir;
    private Path fifo;
    private Path bundle;
    private Path pem;

    @Before
    public void files() throws Exception {
        dir = temp.getRoot().toPath();
        fifo = dir.resolve("fifo");
        ExternalTool.run(dir, "mkfifo", fifo.toString());
        bundle = dir.resolve("bundle.json");
        Files.write(bundle, BundleFiles.sample(dir));
        pem = dir.resolve("controller.pem");
        Files.writeString(pem, PublicKeys.toPem(BundleFiles.key().getPublic()));
        Files.writeString(dir.resolve("app.tar.gz"), "release\n");
    }

    private int run(byte[] stdin, String... args) {
        out.reset();
        err.reset();
        return PromotionGatesCli.standard()
                .run(
                        List.of(args),
                        new ByteArrayInputStream(stdin),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(new byte[0], args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The version the offline build filters into cli-version.properties: offline/pom.xml's. */
    static String projectVersion() throws Exception {
        String pom =
                Files.readString(Path.of(System.getProperty("promotiongates.sources.root", "."), "offline", "pom.xml"));
        Matcher matcher = Pattern.compile(
                        "<artifactId>promotion-gates-offline-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertEquals(true, matcher.find());
        return matcher.group(1);
    }

    @Test
    public void versionIsTheBuildsVersion() throws Exception {
        assertEquals(0, run("--version"));
        assertEquals("promotion-gates-cli " + projectVersion() + "\n", out());
        assertThat(projectVersion(), not(containsString("$")));
    }

    @Test
    public void helpPerCommandExitsZeroWithItsUsage() {
        for (String command : new String[] {"digest", "verify-signature", "verify-audit"}) {
            assertEquals(command, 0, run(command, "--help"));
            assertThat(out(), containsString("usage: " + command));
            assertThat(out(), containsString("exit status"));
            assertEquals(0, run("help", command));
            assertThat(out(), containsString("usage: " + command));
        }
        assertEquals(0, run("verify-audit", bundle.toString(), "-h"));
        assertThat(out(), containsString("--trust-embedded-key"));
        assertEquals(0, run("--help"));
        assertThat(out(), containsString("3 verify-audit --trust-embedded-key"));
    }

    @Test
    public void unknownOptionsAreNamedWithTheCommandsUsage() {
        assertEquals(2, run("--frobnicate"));
        assertThat(err(), containsString("unknown option '--frobnicate'"));
        assertThat(err(), containsString("usage: java -jar promotion-gates-cli.jar"));
        String[][] cases = {
            {"digest", "--bogus", "x"},
            {"verify-audit", bundle.toString(), "--key", pem.toString(), "--bogus"},
            // an unknown option last, with no value after it, is still reported as unknown
            {"verify-signature", "--artifact", "a", "--signature", "s", "--key", "k", "--bogus"},
            {"verify-signature", "-x", "--artifact", "a"},
        };
        for (String[] arguments : cases) {
            assertEquals(String.join(" ", arguments), 2, run(arguments));
            assertThat(err(), containsString("unknown option '" + (arguments[1].equals("-x") ? "-x" : "--bogus")));
            assertThat(err(), containsString("usage: " + arguments[0]));
        }
    }

    @Test
    public void digestReadsStandardInputAsDash() throws Exception {
        byte[] content = new byte[300_001];
        new Random(7).nextBytes(content);
        Path file = dir.resolve("content.bin");
        Files.write(file, content);
        String expected = ExternalTool.run(dir, "sha256sum", "content.bin").substring(0, 64);
        assertEquals(0, run(content, "digest", "-"));
        assertEquals(expected + "  -\n", out());
        assertEquals(0, run(content, "digest", "-a", "sha512", file.toString(), "-"));
        String sha512 = ExternalTool.run(dir, "sha512sum", "content.bin").substring(0, 128);
        assertEquals(sha512 + "  " + file + "\n" + sha512 + "  -\n", out());
    }

    @Test
    public void verifySignatureReadsTheArtifactFromStandardInput() throws Exception {
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        Files.writeString(dir.resolve("signers"), "alice@example.com " + Files.readString(dir.resolve("ssh.pub")));
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ssh", "-n", "file", "app.tar.gz");
        String sig = dir.resolve("app.tar.gz.sig").toString();
        String key = dir.resolve("signers").toString();
        byte[] release = "release\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(err(), 0, run(release, "verify-signature", "--artifact", "-", "--signature", sig, "--key", key));
        assertThat(out(), containsString("verified: -"));
        assertEquals(
                1,
                run(
                        "other\n".getBytes(StandardCharsets.UTF_8),
                        "verify-signature",
                        "--artifact",
                        "-",
                        "--signature",
                        sig,
                        "--key",
                        key));
        assertThat(err(), containsString("NOT verified"));
    }

    /** Each place a file is named: a FIFO (directly or through a link), a device, a directory. */
    @Test(timeout = 60_000)
    public void fifosDevicesAndDirectoriesAreRefusedAtOnceWithoutBeingOpened() throws Exception {
        Path link = dir.resolve("link-to-fifo");
        Files.createSymbolicLink(link, fifo);
        String good = bundle.toString();
        String app = dir.resolve("app.tar.gz").toString();
        String keyFile = pem.toString();
        for (String special : new String[] {fifo.toString(), link.toString(), "/dev/zero", dir.toString()}) {
            String[][] cases = {
                {"digest", special},
                {"verify-audit", special, "--key", keyFile},
                {"verify-audit", good, "--key", special},
                {"verify-audit", special, "--trust-embedded-key"},
                {"verify-signature", "--artifact", special, "--signature", app, "--key", keyFile},
                {"verify-signature", "--artifact", app, "--signature", special, "--key", keyFile},
                {"verify-signature", "--artifact", app, "--signature", app, "--key", special},
                {"verify-signature", "--artifact", app, "--signature", app, "--checksums", special, "--key", keyFile},
            };
            for (String[] arguments : cases) {
                assertEquals(String.join(" ", arguments), 2, run(arguments));
                assertThat(
                        String.join(" ", arguments),
                        err(),
                        containsString("is not a regular file (it is a "
                                + (special.equals(dir.toString()) ? "directory)" : "FIFO, socket or device)")));
                assertThat(err(), containsString("'" + special + "'"));
            }
        }
    }

    @Test
    public void aSymbolicLinkToARegularFileIsFollowed() throws Exception {
        Path link = dir.resolve("key-link.pem");
        Files.createSymbolicLink(link, pem);
        assertEquals(err(), 0, run("verify-audit", bundle.toString(), "--key", link.toString()));
    }

    @Test
    public void oversizedBundlesAndKeysAreRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(BundleVerifier.MAX_BYTES + 1L);
        }
        assertEquals(2, run("verify-audit", huge.toString(), "--key", pem.toString()));
        assertThat(err(), containsString("is larger than " + BundleVerifier.MAX_BYTES + " bytes"));
        Path hugeKey = dir.resolve("huge.pem");
        Files.write(hugeKey, new byte[2 * 1024 * 1024]);
        assertEquals(2, run("verify-audit", bundle.toString(), "--key", hugeKey.toString()));
        assertThat(err(), containsString("The key file '" + hugeKey + "' is larger than 1048576 bytes"));
    }

    @Test
    public void missingAndEmptyNamesAreBadInput() {
        assertEquals(2, run("digest", dir.resolve("missing").toString()));
        assertThat(err(), containsString("does not exist"));
        assertEquals(2, run("digest", ""));
        assertThat(err(), containsString("empty"));
        assertThat(err(), not(containsString("Exception")));
    }
}
