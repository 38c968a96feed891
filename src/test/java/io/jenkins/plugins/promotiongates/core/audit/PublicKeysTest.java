package io.jenkins.plugins.promotiongates.core.audit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The auditor's key, as ssh-keygen and openssl write it, and every malformed key named for what is wrong. */
public class PublicKeysTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path dir() {
        return temp.getRoot().toPath();
    }

    private String run(String... command) throws Exception {
        StringBuilder output = new StringBuilder();
        assertEquals(output.toString(), 0, AuditFixture.exec(List.of(command), dir(), output));
        return output.toString();
    }

    @Test
    public void readsTheKeysSshKeygenAndOpensslWriteAndFingerprintsThemAsSshKeygenDoes() throws Exception {
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "auditor@example.com", "-f", "key");
        PublicKey fromSsh = PublicKeys.parse(Files.readString(dir().resolve("key.pub"), StandardCharsets.US_ASCII));
        String shown = run("ssh-keygen", "-lf", "key.pub");
        assertEquals(shown.split(" ")[1], PublicKeys.fingerprint(fromSsh));
        assertEquals(
                Files.readString(dir().resolve("key.pub"), StandardCharsets.US_ASCII)
                        .replace(" auditor@example.com", "")
                        .strip(),
                PublicKeys.toOpenSsh(fromSsh));

        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", "private.pem");
        run("openssl", "pkey", "-in", "private.pem", "-pubout", "-out", "public.pem");
        String pem = Files.readString(dir().resolve("public.pem"), StandardCharsets.US_ASCII);
        PublicKey fromPem = PublicKeys.parse(pem);
        assertEquals(pem, PublicKeys.toPem(fromPem));
        assertEquals(fromPem, PublicKeys.parse(PublicKeys.toOpenSsh(fromPem) + " a comment"));
    }

    @Test
    public void aMalformedKeyIsRefusedNamingWhatIsWrong() throws Exception {
        PublicKey key = AuditFixture.keyPair(3).getPublic();
        byte[] blob = Base64.getDecoder().decode(PublicKeys.toOpenSsh(key).split(" ")[1]);
        String[][] cases = {
            {null, "Expected an Ed25519 public key as PEM"},
            {"", "Expected an Ed25519 public key as PEM"},
            {"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ", "Expected an Ed25519 public key as PEM"},
            {"ssh-ed25519 not*base64", "The public key is not valid base64."},
            {"ssh-ed25519 " + base64(Arrays.copyOf(blob, blob.length - 1)), "not a well-formed ssh-ed25519 key"},
            {"ssh-ed25519 " + base64(Arrays.copyOf(blob, blob.length + 1)), "not a well-formed ssh-ed25519 key"},
            {"ssh-ed25519 " + base64(withType(blob, "ssh-ed25518")), "not a well-formed ssh-ed25519 key"},
            {pem(ecKey()), "The public key is not an Ed25519 key; the audit ledger signs with Ed25519."},
            {pem(Arrays.copyOf(key.getEncoded(), 43)), "The public key is not an Ed25519 key"},
        };
        for (String[] c : cases) {
            String message = assertThrows(
                            String.valueOf(c[0]), IllegalArgumentException.class, () -> PublicKeys.parse(c[0]))
                    .getMessage();
            assertThat(String.valueOf(c[0]), message, containsString(c[1]));
        }
    }

    private static byte[] withType(byte[] blob, String type) {
        byte[] changed = blob.clone();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, changed, 4, name.length);
        assertEquals(11, ByteBuffer.wrap(changed).getInt());
        return changed;
    }

    private static byte[] ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair().getPublic().getEncoded();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }
}
