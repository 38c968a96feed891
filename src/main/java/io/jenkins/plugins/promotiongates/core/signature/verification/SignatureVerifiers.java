package io.jenkins.plugins.promotiongates.core.signature.verification;

import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormatDetector;
import io.jenkins.plugins.promotiongates.core.signature.SignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.UndetectedFormatException;
import io.jenkins.plugins.promotiongates.core.signature.WholeMessageLimit;
import io.jenkins.plugins.promotiongates.core.signature.checksum.ChecksumVerifier;
import io.jenkins.plugins.promotiongates.core.signature.cms.CmsVerifier;
import io.jenkins.plugins.promotiongates.core.signature.minisign.MinisignVerifier;
import io.jenkins.plugins.promotiongates.core.signature.openpgp.OpenPgpVerifier;
import io.jenkins.plugins.promotiongates.core.signature.raw.RawSignatureVerifier;
import io.jenkins.plugins.promotiongates.core.signature.signify.SignifyVerifier;
import io.jenkins.plugins.promotiongates.core.signature.ssh.SshVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of signature verifiers: one per format, looked up by format or detected from the
 * signature's bytes.
 */
public final class SignatureVerifiers {

    private final Map<SignatureFormat, SignatureVerifier> byFormat = new EnumMap<>(SignatureFormat.class);
    private final SignatureFormatDetector detector;

    /** @throws IllegalArgumentException if two verifiers claim the same format */
    public SignatureVerifiers(List<SignatureVerifier> verifiers) {
        for (SignatureVerifier verifier : verifiers) {
            if (byFormat.put(verifier.format(), verifier) != null) {
                throw new IllegalArgumentException(
                        "Two verifiers for format " + verifier.format().label());
            }
        }
        this.detector = new SignatureFormatDetector(verifiers);
    }

    /** Every verifier of the engine, with the system clock and default limits. */
    public static SignatureVerifiers standard() {
        return new SignatureVerifiers(standardList(new StreamingDigester(), Clock.systemDefaultZone()));
    }

    /**
     * The engine's verifiers. Add a new format's verifier here, one line each.
     *
     * @param clock for time-bound trust (SSH valid-after/valid-before)
     */
    public static List<SignatureVerifier> standardList(StreamingDigester digester, Clock clock) {
        List<SignatureVerifier> verifiers = new ArrayList<>();
        verifiers.add(new OpenPgpVerifier(clock));
        verifiers.add(new CmsVerifier(clock));
        verifiers.add(new RawSignatureVerifier());
        verifiers.add(new SshVerifier(digester, clock));
        verifiers.add(new MinisignVerifier(digester, WholeMessageLimit.DEFAULT));
        verifiers.add(new SignifyVerifier(digester, WholeMessageLimit.DEFAULT));
        verifiers.add(new ChecksumVerifier(digester));
        return verifiers;
    }

    /** The verifier for {@code format}, if this registry has one. */
    public Optional<SignatureVerifier> forFormat(SignatureFormat format) {
        return Optional.ofNullable(byFormat.get(format));
    }

    /** The verifiers, in {@link SignatureFormat} order. */
    public List<SignatureVerifier> all() {
        return List.copyOf(byFormat.values());
    }

    /**
     * The verifier for {@code format}, or detected from the signature when the format is empty.
     *
     * @throws UndetectedFormatException if the format is not supported here or cannot be detected
     */
    public SignatureVerifier choose(
            Optional<SignatureFormat> format, byte[] signature, String signatureName, List<TrustedKey> trustedKeys)
            throws UndetectedFormatException {
        if (format.isEmpty()) {
            return detector.detect(signature, signatureName, trustedKeys);
        }
        return forFormat(format.get())
                .orElseThrow(() -> new UndetectedFormatException(
                        "The format '" + format.get().label()
                                + "' is not supported by this build; supported: "
                                + String.join(
                                        ", ",
                                        byFormat.keySet().stream()
                                                .map(SignatureFormat::label)
                                                .toList())
                                + "."));
    }
}
