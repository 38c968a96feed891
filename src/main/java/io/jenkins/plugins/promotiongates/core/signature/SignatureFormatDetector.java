package io.jenkins.plugins.promotiongates.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the verifier for a signature file when the format is {@code auto}. Every verifier but
 * RAW is asked whether it {@link SignatureVerifier#recognizes recognizes} the bytes, in the fixed
 * order of {@link SignatureFormat}. One match wins. Several matches are narrowed by the file name's
 * extension, as each format declares it ({@link SignatureFormat#suggestedBy}); if that leaves not
 * exactly one, the format is ambiguous. RAW is chosen only when
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
        Set<SignatureFormat> formats = EnumSet.noneOf(SignatureFormat.class);
        for (SignatureFormat format : SignatureFormat.values()) {
            if (format.suggestedBy(signatureName)) {
                formats.add(format);
            }
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
