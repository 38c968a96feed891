package io.jenkins.plugins.promotiongates.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.signature.AlgorithmPolicy;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationRequest;
import io.jenkins.plugins.promotiongates.core.signature.VerifierInput;
import io.jenkins.plugins.promotiongates.core.signature.verification.SignatureVerifiers;
import io.jenkins.plugins.promotiongates.core.signature.verification.VerificationService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify-signature}: verifies an artifact's detached signature with the same engine as the
 * {@code verifySignature} step. Exit 0 verified, 1 not verified, 2 bad usage or unreadable input.
 */
final class VerifySignatureCommand implements CliCommand {

    private final SignatureVerifiers verifiers;

    VerifySignatureCommand(SignatureVerifiers verifiers) {
        this.verifiers = verifiers;
    }

    VerifySignatureCommand() {
        this(SignatureVerifiers.standard());
    }

    @Override
    public String name() {
        return "verify-signature";
    }

    @Override
    public String summary() {
        return "verify an artifact's signature (SSH, minisign, signify, checksum, ...)";
    }

    @Override
    public String usage() {
        return "usage: verify-signature --artifact FILE --signature FILE --key FILE [--key FILE...]\n"
                + "         [--checksums FILE] [--format auto|openpgp|cms|raw|ssh|minisign|signify|checksum]\n"
                + "         [--namespace NS] [--identity ID] [--json]\n"
                + "  --artifact -      read the artifact from standard input\n"
                + "  --checksums FILE  the signature signs this checksum list (SHA256SUMS), which names the artifact\n"
                + "  a key file is any supported public form: allowed_signers or .pub (ssh), minisign.pub,\n"
                + "  signify .pub, OpenPGP key, PEM public key or certificate; a checksum file needs no key\n"
                + "  exit status: 0 verified, 1 not verified, 2 bad usage or unreadable input";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        VerifySignatureOptions options;
        try {
            options = VerifySignatureOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("verify-signature: " + e.getMessage() + "\n" + usage());
            return USAGE;
        }
        Verification verdict;
        Path spooled = null;
        try {
            Path artifact;
            if (options.artifact().equals(InputFiles.STANDARD_INPUT)) {
                spooled = InputFiles.spool(in);
                artifact = spooled;
            } else {
                artifact = InputFiles.regularFile(options.artifact(), "artifact");
            }
            verdict = new VerificationService(verifiers).verify(input(options, artifact), checksums(options));
        } catch (IOException e) {
            err.println("verify-signature: " + e.getMessage());
            return USAGE;
        } finally {
            deleteQuietly(spooled);
        }
        if (options.json()) {
            try {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(asMap(verdict)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A verdict is always serializable", e);
            }
        } else if (verdict.verified()) {
            out.println(
                    "verified: " + options.artifact() + " (" + verdict.format().label() + ", " + verdict.algorithm()
                            + (verdict.keyFingerprint().isEmpty() ? "" : ", key " + verdict.keyFingerprint())
                            + (verdict.trustedKey().isEmpty() ? "" : ", trusted key " + verdict.trustedKey())
                            + (verdict.signerIdentity().isEmpty() ? "" : ", signer " + verdict.signerIdentity()) + ")");
            out.println("sha256: " + verdict.artifactDigest().hex());
            verdict.warnings().forEach(w -> out.println("warning: " + w));
        } else {
            err.println("NOT verified: " + verdict.failure());
        }
        return verdict.verified() ? OK : NOT_VERIFIED;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file: the system cleans it up
            }
        }
    }

    /** The request as the options ask it, with the files and keys they name read here. */
    private static VerifierInput input(VerifySignatureOptions options, Path artifact) throws IOException {
        VerificationRequest request = VerificationRequest.forArtifact(options.artifact())
                .signature(options.signature())
                .checksumList(options.checksums().orElse(null))
                .format(options.format().orElse(null))
                .namespace(options.namespace().orElse(null))
                .identity(options.identity().orElse(null))
                .build();
        int cap = CappedFileReader.DEFAULT_MAX_BYTES;
        byte[] signature = InputFiles.readCapped(options.signature(), "signature file", cap);
        List<TrustedKey> keys = new ArrayList<>();
        for (String key : options.keys()) {
            keys.add(new TrustedKey(key, InputFiles.readCapped(key, "key file", cap)));
        }
        return VerifierInput.of(
                request, ArtifactContent.of(artifact), options.signature(), signature, keys, AlgorithmPolicy.DEFAULT);
    }

    private static Optional<ArtifactContent> checksums(VerifySignatureOptions options) throws IOException {
        if (options.checksums().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                ArtifactContent.of(InputFiles.regularFile(options.checksums().get(), "checksum list")));
    }

    /** The verdict as JSON: lower-case format label, every field of {@link Verification}. */
    static Map<String, Object> asMap(Verification verdict) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verified", verdict.verified());
        map.put("format", verdict.format() == null ? null : verdict.format().label());
        map.put("algorithm", verdict.algorithm());
        map.put(
                "artifactSha256",
                verdict.artifactDigest() == null ? "" : verdict.artifactDigest().hex());
        map.put("artifactSize", verdict.artifactSize());
        map.put("keyFingerprint", verdict.keyFingerprint());
        map.put("trustedKey", verdict.trustedKey());
        map.put("signerIdentity", verdict.signerIdentity());
        map.put("warnings", verdict.warnings());
        map.put("failure", verdict.failure());
        return map;
    }
}
