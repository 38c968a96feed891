package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.audit.BundleFiles;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class VerifyAuditCommandTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return PromotionGatesCli.standard()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void verifiesTamperedAndUnreadableBundlesWithTheDocumentedExitStatus() throws Exception {
        Path base = temp.getRoot().toPath();
        byte[] bundle = BundleFiles.sample(base);
        Path good = base.resolve("bundle.json");
        Files.write(good, bundle);
        Path pem = base.resolve("controller.pem");
        Files.writeString(pem, PublicKeys.toPem(BundleFiles.key().getPublic()));
        Path ssh = base.resolve("controller.pub");
        Files.writeString(ssh, PublicKeys.toOpenSsh(BundleFiles.key().getPublic()) + " jenkins@controller\n");
        Path other = base.resolve("other.pem");
        Files.writeString(other, PublicKeys.toPem(BundleFiles.otherKey().getPublic()));

        assertEquals(0, run("verify-audit", good.toString(), "--key", pem.toString()));
        assertThat(out(), containsString("verified: 3 events of team/app #5"));
        assertEquals(0, run("verify-audit", good.toString(), "--key", ssh.toString()));
        assertEquals(2, run("verify-audit", good.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("--key is required"));
        assertEquals("", out());
        assertEquals(3, run("verify-audit", good.toString(), "--trust-embedded-key"));
        assertThat(out(), containsString("consistent (origin NOT checked): 3 events of team/app #5"));
        assertThat(out(), containsString("pass --key"));
        assertEquals(3, run("verify-audit", good.toString(), "--trust-embedded-key", "--json"));
        assertThat(out(), containsString("\"verified\":false"));
        assertThat(out(), containsString("\"consistent\":true"));
        assertThat(out(), containsString("\"keyTrusted\":false"));
        assertEquals(2, run("verify-audit", good.toString(), "--trust-embedded-key", "--key", pem.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("exclude each other"));
        assertEquals(0, run("verify-audit", good.toString(), "--key", pem.toString(), "--json"));
        assertThat(out(), containsString("\"verified\":true"));
        assertThat(out(), containsString("\"keyTrusted\":true"));

        assertEquals(1, run("verify-audit", good.toString(), "--key", other.toString()));
        assertThat(out(), containsString("NOT VERIFIED"));
        assertThat(out(), containsString("not signed by this controller"));
        Path tampered = base.resolve("tampered.json");
        Files.writeString(tampered, new String(bundle, StandardCharsets.UTF_8).replace("alice", "mallo"));
        assertEquals(1, run("verify-audit", tampered.toString(), "--key", pem.toString(), "--json"));
        assertThat(out(), containsString("\"verified\":false"));
        assertThat(out(), containsString("does not match its hash"));
        assertEquals(1, run("verify-audit", tampered.toString(), "--trust-embedded-key"));
        assertThat(out(), containsString("NOT VERIFIED"));

        assertEquals(2, run("verify-audit"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("no bundle given"));
        assertEquals(2, run("verify-audit", base.resolve("missing.json").toString(), "--key", pem.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("missing.json' does not exist"));
        assertEquals(2, run("verify-audit", good.toString(), "--key"));
        assertEquals(2, run("verify-audit", good.toString(), "--key", good.toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("Expected an Ed25519 public key"));
        assertEquals(2, run("verify-audit", good.toString(), "--frobnicate"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("unknown option '--frobnicate'"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("usage: verify-audit BUNDLE --key PUBKEY"));
    }
}
