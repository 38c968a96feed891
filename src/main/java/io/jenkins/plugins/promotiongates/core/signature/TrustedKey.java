package io.jenkins.plugins.promotiongates.core.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * Public key material that may sign artifacts, as an administrator or a job supplied it: an
 * armored OpenPGP key block or keyring, PEM SPKI public key, X.509 certificate(s) (CMS roots), an
 * OpenSSH public key line or allowed_signers file, a minisign or signify public key. Never private
 * key material. Each verifier parses the forms it understands and ignores the others.
 *
 * @param name how the key is called in messages and in the audit (a trusted-key name or credentials id)
 * @param material the key file's bytes
 */
public record TrustedKey(String name, byte[] material) implements Serializable {

    /** Largest key file accepted: room for a keyring or a certificate bundle, never for an artifact. */
    public static final int MAX_MATERIAL_BYTES = 1024 * 1024;

    public TrustedKey {
        Objects.requireNonNull(name, "name");
        material = material.clone();
    }

    /**
     * Reads key material from a stream, refusing more than {@link #MAX_MATERIAL_BYTES}.
     *
     * @throws IOException naming the key when it is too large or cannot be read
     */
    public static TrustedKey read(String name, InputStream in) throws IOException {
        byte[] material = in.readNBytes(MAX_MATERIAL_BYTES + 1);
        if (material.length > MAX_MATERIAL_BYTES) {
            throw new IOException("Key material of '" + name + "' is larger than " + MAX_MATERIAL_BYTES
                    + " bytes, which no public key or keyring needs. Store only the public key (for example"
                    + " gpg --export --armor KEYID, or the .pub file).");
        }
        if (material.length == 0) {
            throw new IOException("Key material of '" + name + "' is empty. Store the public key in the credential.");
        }
        return new TrustedKey(name, material);
    }

    @Override
    public byte[] material() {
        return material.clone();
    }
}
