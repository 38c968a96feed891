package io.jenkins.plugins.promotiongates.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A minisign or signify public key: algorithm {@code Ed}, an 8-byte key number, a 32-byte Ed25519
 * key. Both tools write it as an {@code untrusted comment:} line followed by the base64 of those 42
 * bytes.
 *
 * @param trustedKeyName the trusted key it came from
 * @param keyNumber the 8-byte key number that signatures repeat
 * @param rawKey the Ed25519 public key
 */
public record NumberedEd25519Key(String trustedKeyName, byte[] keyNumber, byte[] rawKey) {

    private static final int ENCODED_LENGTH = 42;

    public NumberedEd25519Key {
        keyNumber = keyNumber.clone();
        rawKey = rawKey.clone();
    }

    @Override
    public byte[] keyNumber() {
        return keyNumber.clone();
    }

    @Override
    public byte[] rawKey() {
        return rawKey.clone();
    }

    /** The key id as minisign prints it: the little-endian 64-bit number in upper-case hex (%llX). */
    public String keyId() {
        return formatKeyId(keyNumber);
    }

    /** Formats an 8-byte key number as minisign prints it: no leading zeros. */
    public static String formatKeyId(byte[] keyNumber) {
        long value = 0;
        for (int i = keyNumber.length - 1; i >= 0; i--) {
            value = (value << 8) | (keyNumber[i] & 0xff);
        }
        return Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Every minisign/signify public key found in the trusted keys; other key forms are skipped. A
     * key is a line of base64 decoding to 42 bytes that start with {@code Ed}, alone or after an
     * {@code untrusted comment:} line.
     */
    public static List<NumberedEd25519Key> findAll(List<TrustedKey> trustedKeys) {
        List<NumberedEd25519Key> found = new ArrayList<>();
        for (TrustedKey trustedKey : trustedKeys) {
            String text = new String(trustedKey.material(), StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) {
                byte[] decoded = decodeOrNull(line.trim());
                if (decoded != null && decoded.length == ENCODED_LENGTH && decoded[0] == 'E' && decoded[1] == 'd') {
                    byte[] number = new byte[8];
                    byte[] raw = new byte[32];
                    System.arraycopy(decoded, 2, number, 0, 8);
                    System.arraycopy(decoded, 10, raw, 0, 32);
                    found.add(new NumberedEd25519Key(trustedKey.name(), number, raw));
                }
            }
        }
        return found;
    }

    /**
     * The trusted key that made a signature with {@code keyNumber}.
     *
     * @param tool {@code minisign} or {@code signify}, for messages
     * @param publicKeyFile how the tool's public key file is called, for the remedy
     * @throws SignatureRejectedException if an identity is requested (these formats carry none), no
     *     trusted key has this form, or none has this number
     */
    public static NumberedEd25519Key trustedFor(
            byte[] keyNumber, VerifierInput input, String tool, String publicKeyFile)
            throws SignatureRejectedException {
        if (input.identity().isPresent()) {
            throw new SignatureRejectedException(
                    "an identity ('" + input.identity().get() + "') was requested, but " + tool
                            + " signatures carry no signer identity, only a key number",
                    "Remove the identity parameter, and trust only the " + tool + " public key of the signer.");
        }
        List<NumberedEd25519Key> keys = findAll(input.trustedKeys());
        if (keys.isEmpty()) {
            throw new SignatureRejectedException(
                    "none of the trusted keys ("
                            + input.trustedKeys().stream()
                                    .map(k -> "'" + k.name() + "'")
                                    .collect(Collectors.joining(", "))
                            + ") is a " + tool + " public key",
                    "Add the signer's " + publicKeyFile + " file as a trusted key.");
        }
        String keyId = formatKeyId(keyNumber);
        for (NumberedEd25519Key key : keys) {
            if (key.keyId().equals(keyId)) {
                return key;
            }
        }
        throw new SignatureRejectedException(
                "it was made by " + tool + " key ID " + keyId + ", which is not among the trusted keys (key IDs "
                        + keys.stream().map(NumberedEd25519Key::keyId).collect(Collectors.joining(", ")) + ")",
                "Sign with a trusted key, or add the signer's public key to the trusted keys if it should be trusted.");
    }

    private static byte[] decodeOrNull(String line) {
        if (line.isEmpty() || line.length() > 128) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
