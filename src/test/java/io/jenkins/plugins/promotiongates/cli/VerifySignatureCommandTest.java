package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code verify-signature}: exit status 0/1/2, human and JSON output. */
public class VerifySignatureCommandTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeClass
    public static void sign() throws Exception {
        dir = TEMP.getRoot().toPath();
        Files.writeString(dir.resolve("app.tar.gz"), "release\n");
        Files.writeString(dir.resolve("other.bin"), "other\n");
        ExternalTool.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "ssh");
        Files.writeString(
                dir.resolve("allowed_signers"), "alice@example.com " + Files.readString(dir.resolve("ssh.pub")));
        ExternalTool.run(dir, "ssh-keygen", "-Y", "sign", "-f", "ssh", "-n", "file", "app.tar.gz");
        ExternalTool.run(dir, "minisign", "-G", "-W", "-p", "m.pub", "-s", "m.key");
        Files.writeString(dir.resolve("SHA256SUMS"), ExternalTool.run(dir, "sha256sum", "app.tar.gz"));
        ExternalTool.run(dir, "minisign", "-S", "-s", "m.key", "-m", "SHA256SUMS");
        Files.write(dir.resolve("huge.key"), new byte[2 * 1024 * 1024]);
        ExternalTool.sh(dir, """
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key
                openssl pkey -in p256.key -pubout -out p256.pub
                openssl dgst -sha256 -sign p256.key -out app.tar.gz.p256.sig app.tar.gz
                openssl dgst -sha256 -sign p256.key app.tar.gz | base64 -w0 > app.tar.gz.cosign.sig
                openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out k1.key
                openssl pkey -in k1.key -pubout -out k1.pub
                openssl dgst -sha256 -sign k1.key -out app.tar.gz.k1.sig app.tar.gz
                """);
    }

    private int run(String... args) {
        List<String> arguments = new ArrayList<>(List.of("verify-signature"));
        List<String> fileOptions = List.of("--artifact", "--signature", "--key", "--checksums");
        for (int i = 0; i < args.length; i++) {
            boolean file = i > 0 && fileOptions.contains(args[i - 1]) && !args[i].isEmpty();
            arguments.add(file ? dir.resolve(args[i]).toString() : args[i]);
        }
        return PromotionGatesCli.standard()
                .run(
                        arguments,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void verifiedExitsZero() throws Exception {
        assertEquals(
                err(),
                0,
                run(
                        "--artifact",
                        "app.tar.gz",
                        "--signature",
                        "app.tar.gz.sig",
                        "--key",
                        "allowed_signers",
                        "--identity",
                        "--alice@example.com".substring(2)));
        assertThat(out(), containsString("verified: "));
        assertThat(out(), containsString("(ssh, Ed25519 over SHA-512, key SHA256:"));
        assertThat(
                out(), containsString("trusted key " + dir.resolve("allowed_signers") + ", signer alice@example.com"));
    }

    @Test
    public void signedChecksumListThroughChecksumsOption() throws Exception {
        assertEquals(
                err(),
                0,
                run(
                        "--artifact",
                        "app.tar.gz",
                        "--signature",
                        "SHA256SUMS.minisig",
                        "--checksums",
                        "SHA256SUMS",
                        "--key",
                        "m.pub"));
        assertThat(out(), containsString("(minisign, Ed25519/BLAKE2b-512, checksum list"));
    }

    @Test
    public void notVerifiedExitsOneWithTheReason() throws Exception {
        assertEquals(1, run("--artifact", "other.bin", "--signature", "app.tar.gz.sig", "--key", "allowed_signers"));
        assertThat(err(), containsString("NOT verified: Signature check of '"));
        assertThat(err(), containsString("does not match the file's content"));
        assertEquals("", out());
    }

    @Test
    public void jsonHasEveryFieldOfTheVerdict() throws Exception {
        assertEquals(0, run("--artifact", "app.tar.gz", "--signature", "SHA256SUMS", "--format", "checksum", "--json"));
        JsonNode json = new ObjectMapper().readTree(out());
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertEquals(
                List.of(
                        "verified",
                        "format",
                        "algorithm",
                        "artifactSha256",
                        "artifactSize",
                        "keyFingerprint",
                        "trustedKey",
                        "signerIdentity",
                        "warnings",
                        "failure"),
                fields);
        assertEquals(true, json.get("verified").asBoolean());
        assertEquals("checksum", json.get("format").asText());
        assertEquals(
                ExternalTool.run(dir, "sha256sum", "app.tar.gz").substring(0, 64),
                json.get("artifactSha256").asText());
        assertEquals(8, json.get("artifactSize").asLong());
        assertEquals("", json.get("trustedKey").asText());
        assertThat(json.get("warnings").get(0).asText(), containsString("checksum only"));
        out.reset();
        assertEquals(
                1,
                run("--artifact", "other.bin", "--signature", "app.tar.gz.sig", "--key", "allowed_signers", "--json"));
        JsonNode failed = new ObjectMapper().readTree(out());
        assertEquals(false, failed.get("verified").asBoolean());
        assertThat(failed.get("failure").asText(), containsString("does not match"));
        assertEquals("", failed.get("trustedKey").asText());
        out.reset();
        assertEquals(
                0,
                run(
                        "--artifact",
                        "app.tar.gz",
                        "--signature",
                        "app.tar.gz.sig",
                        "--key",
                        "m.pub",
                        "--key",
                        "allowed_signers",
                        "--json"));
        assertEquals(
                dir.resolve("allowed_signers").toString(),
                new ObjectMapper().readTree(out()).get("trustedKey").asText());
    }

    @Test
    public void badUsageAndUnreadableInputExitTwo() throws Exception {
        String[][] cases = {
            {"--signature", "app.tar.gz.sig", "--key", "allowed_signers"},
            {"--artifact", "app.tar.gz", "--signature", "app.tar.gz.sig"},
            {"--artifact", "app.tar.gz", "--signature", "app.tar.gz.sig", "--key", "allowed_signers", "--format", "pgp"
            },
            {"--artifact", "app.tar.gz", "--signature", "app.tar.gz.sig", "--key", "allowed_signers", "--bogus", "x"},
            {"--artifact", "missing.bin", "--signature", "app.tar.gz.sig", "--key", "allowed_signers"},
            {"--artifact", "", "--signature", "app.tar.gz.sig", "--key", "allowed_signers"},
            {"--artifact", "app.tar.gz", "--signature", "app.tar.gz.sig", "--key", "huge.key"},
            {"--artifact", "app.tar.gz", "--signature", "other.bin", "--key", "allowed_signers"},
        };
        String[] reasons = {
            "--artifact is required",
            "--key is required",
            "Unknown signature format 'pgp'",
            "unknown option '--bogus'",
            "'" + dir.resolve("missing.bin") + "' does not exist",
            "The artifact is named by an empty string",
            "is larger than 1048576 bytes",
            "is not recognized",
        };
        for (int i = 0; i < cases.length; i++) {
            err.reset();
            assertEquals(String.join(" ", cases[i]), 2, run(cases[i]));
            assertThat(err(), containsString(reasons[i]));
            assertThat(err(), org.hamcrest.Matchers.not(containsString("Exception")));
        }
    }

    @Test
    public void rawOpensslAndCosignSignaturesAreDetectedWithoutFormat() throws Exception {
        for (String signature : new String[] {"app.tar.gz.p256.sig", "app.tar.gz.cosign.sig"}) {
            out.reset();
            assertEquals(err(), 0, run("--artifact", "app.tar.gz", "--signature", signature, "--key", "p256.pub"));
            assertThat(out(), containsString("(raw, ECDSA P-256/SHA-256, key SHA256:"));
        }
        assertEquals(1, run("--artifact", "other.bin", "--signature", "app.tar.gz.p256.sig", "--key", "p256.pub"));
        assertThat(err(), containsString("does not verify with any trusted key"));
    }

    @Test
    public void anUnsupportedCurveIsNamed() throws Exception {
        assertEquals(1, run("--artifact", "app.tar.gz", "--signature", "app.tar.gz.k1.sig", "--key", "k1.pub"));
        assertThat(err(), containsString("is on curve secp256k1, an elliptic curve raw signatures do not support"));
        assertThat(err(), org.hamcrest.Matchers.not(containsString("artifact changed")));
    }
}
