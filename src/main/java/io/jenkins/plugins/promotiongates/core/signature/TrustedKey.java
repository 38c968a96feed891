package io.jenkins.plugins.promotiongates.core.signature;

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
public record TrustedKey(String name, byte[] material) {

    public TrustedKey {
        Objects.requireNonNull(name, "name");
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }
}
