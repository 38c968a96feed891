package io.jenkins.plugins.promotiongates.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the verifier for a signature file when the format is {@code auto}. Every verifier but
 * RAW is asked whether it {@link SignatureVerifier#recognizes recognizes} the bytes, in the fixed
 * order of {@link SignatureFormat}. One match wins. Several matches are narrowed by the file name's
 * extension ({@code .asc .gpg .pgp} OpenPGP; {@code .sig} OpenPGP, signify, SSH or raw;
 * {@code .minisig} minisign; {@code .p7s .p7m .p7b .pem} CMS; {@code SHA256SUMS}, {@code .sha256}...
 * checksum); if that leaves not exactly one, the format is ambiguous. RAW is chosen only when
 * nothing else matches, it recognizes the bytes, and a trusted key is a PEM public key. Otherwise
 * an {@link UndetectedFormatException} tells the user to pass the format.
 */
public final class SignatureFormatDetector {

    private static final String PEM_PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----";

    private final List<SignatureVerifier> verifiers;

    /** @param verifiers the available verifiers; they are consulted in {@link SignatureFormat} order */
    public SignatureFormatDetector(List<SignatureVerifier> verifiers) {
        List<SignatureVerifier> ordered = new ArrayList<>(verifiers);
        ordered.sort((a, b) -> a.format().compareTo(b.format()));
        this.verifiers = List.copyOf(ordered);
    }

    /**
     * @param signatureName the signature file's name as the user gave it (its extension is a hint)
     * @throws UndetectedFormatException naming the file and the candidates, asking for {@code format:}
     */
    public SignatureVerifier detect(byte[] signature, String signatureName, List<TrustedKey> trustedKeys)
            throws UndetectedFormatException {
        List<SignatureVerifier> candidates = new ArrayList<>();
        SignatureVerifier raw = null;
        for (SignatureVerifier verifier : verifiers) {
            if (verifier.format() == SignatureFormat.RAW) {
                raw = verifier;
            } else if (recognizes(verifier, signature)) {
                candidates.add(verifier);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.size() > 1) {
            Set<SignatureFormat> hinted = hintedFormats(signatureName);
            List<SignatureVerifier> narrowed =
                    candidates.stream().filter(v -> hinted.contains(v.format())).collect(Collectors.toList());
            if (narrowed.size() == 1) {
                return narrowed.get(0);
            }
            throw new UndetectedFormatException("The format of signature file '" + signatureName
                    + "' is ambiguous: it looks like " + labels(candidates) + ". Pass the format explicitly, "
                    + "for example format: '" + candidates.get(0).format().label() + "' (command line: --format "
                    + candidates.get(0).format().label() + ").");
        }
        if (raw != null && recognizes(raw, signature) && hasPemPublicKey(trustedKeys)) {
            return raw;
        }
        throw new UndetectedFormatException("The format of signature file '" + signatureName
                + "' is not recognized: it is none of " + labels(verifiers)
                + (raw != null ? " (raw is only assumed when a trusted key is a PEM public key)" : "")
                + ". Check that you named the signature file, or pass the format explicitly, for example "
                + "format: 'openpgp' (command line: --format openpgp).");
    }

    /** The formats a file name's extension suggests; empty if it suggests none. */
    public static Set<SignatureFormat> hintedFormats(String signatureName) {
        String name = signatureName == null ? "" : signatureName.toLowerCase(Locale.ROOT);
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Set<SignatureFormat> formats = EnumSet.noneOf(SignatureFormat.class);
        if (base.endsWith(".asc") || base.endsWith(".gpg") || base.endsWith(".pgp")) {
            formats.add(SignatureFormat.OPENPGP);
        }
        if (base.endsWith(".sig")) {
            formats.addAll(EnumSet.of(
                    SignatureFormat.OPENPGP, SignatureFormat.SIGNIFY, SignatureFormat.SSH, SignatureFormat.RAW));
        }
        if (base.endsWith(".minisig")) {
            formats.add(SignatureFormat.MINISIGN);
        }
        if (base.endsWith(".p7s") || base.endsWith(".p7m") || base.endsWith(".p7b") || base.endsWith(".pem")) {
            formats.add(SignatureFormat.CMS);
        }
        if (base.contains("sums")
                || base.matches(".*\\.(sha256|sha384|sha512)(sum)?")
                || base.matches("sha(256|384|512)")) {
            formats.add(SignatureFormat.CHECKSUM);
        }
        return formats;
    }

    /** A verifier that throws on odd input counts as not recognizing it. */
    private static boolean recognizes(SignatureVerifier verifier, byte[] signature) {
        try {
            return verifier.recognizes(signature.clone());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean hasPemPublicKey(List<TrustedKey> trustedKeys) {
        return trustedKeys.stream()
                .anyMatch(key -> new String(key.material(), StandardCharsets.ISO_8859_1).contains(PEM_PUBLIC_KEY));
    }

    private static String labels(List<SignatureVerifier> verifiers) {
        return verifiers.stream().map(v -> v.format().label()).collect(Collectors.joining(", "));
    }
}
