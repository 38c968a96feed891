package io.jenkins.plugins.promotiongates.ledger;

import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.core.audit.ControllerKeyCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * The controller's Ed25519 checkpoint key, generated once and kept in
 * {@code JENKINS_HOME/promotion-gates/checkpoint-key.secret}, encrypted with Jenkins' {@link Secret}
 * (so with the controller's master key under {@code JENKINS_HOME/secrets}).
 */
final class CheckpointKeyStore {

    static final String FILE = "checkpoint-key.secret";

    private CheckpointKeyStore() {}

    static KeyPair loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            Secret secret = Secret.decrypt(
                    Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret == null) {
                throw new IOException(
                        "The audit checkpoint key in " + file + " cannot be decrypted: JENKINS_HOME/secrets"
                                + " is not the one that encrypted it. Restore that directory; do not delete the key file, or"
                                + " checkpoints can no longer be signed by the key auditors trust.");
            }
            return ControllerKeyCodec.decode(secret.getPlainText());
        }
        KeyPair created = ControllerKeyCodec.generate(new SecureRandom());
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, FILE, ".tmp");
        Files.writeString(
                temporary,
                Secret.fromString(ControllerKeyCodec.encode(created)).getEncryptedValue(),
                StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return created;
    }
}
