package io.jenkins.plugins.promotiongates.core.signature;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One signature verification as it is asked for ({@code verifySignature} or the command line), built once
 * and carried unchanged to where it runs: {@code VerificationService} resolves its files and keys, and every
 * verifier receives it inside its {@link VerifierInput}. It names files and keys and holds neither bytes nor
 * key material, so it may be kept by a step execution (Java serialization, {@link SerialForm}).
 *
 * @param artifact the artifact's path relative to the workspace (the command line: a local path)
 * @param signature the signature file's path; empty means find it next to the signed file ({@code
 *     SignatureLocator})
 * @param checksumList a checksum list (such as {@code SHA256SUMS}) that the signature signs and that names the
 *     artifact; empty when the signature is over the artifact itself
 * @param format the signature's format; empty means detect it
 * @param trustedKeys names of the administrator's trusted keys the request narrows to; empty for the
 *     environment's, or none
 * @param keyCredentialsId a job's own public-key credential; empty for none
 * @param environment the environment whose signature policy applies; empty for none
 * @param namespace SSHSIG namespace; empty means {@code file}
 * @param identity expected signer identity (SSH principal, certificate subject, OpenPGP user id); empty
 *     means any trusted key
 */
public record VerificationRequest(
        String artifact,
        Optional<String> signature,
        Optional<String> checksumList,
        Optional<SignatureFormat> format,
        List<String> trustedKeys,
        Optional<String> keyCredentialsId,
        Optional<String> environment,
        Optional<String> namespace,
        Optional<String> identity)
        implements Serializable {

    public VerificationRequest {
        if (artifact == null || artifact.isBlank()) {
            throw new IllegalArgumentException(
                    "A signature verification needs an artifact, such as 'dist/app.tar.gz'.");
        }
        trustedKeys = List.copyOf(trustedKeys);
    }

    /** A request for {@code artifact}, with every other part left to be set on the {@link Builder}. */
    public static Builder forArtifact(String artifact) {
        return new Builder(artifact);
    }

    /** The file the signature is over: the checksum list when there is one, else the artifact. */
    public String signedFile() {
        return checksumList.orElse(artifact);
    }

    /** Kept as its serial form: {@link Optional} is not serializable. */
    private Object writeReplace() {
        return new SerialForm(this);
    }

    /**
     * Builds a {@link VerificationRequest} part by part, each named. A {@code null} or blank text means
     * "not given", as a step's unset parameter.
     */
    public static final class Builder {

        private final String artifact;
        private String signature;
        private String checksumList;
        private SignatureFormat format;
        private final List<String> trustedKeys = new ArrayList<>();
        private String keyCredentialsId;
        private String environment;
        private String namespace;
        private String identity;

        private Builder(String artifact) {
            this.artifact = artifact;
        }

        public Builder signature(String path) {
            this.signature = path;
            return this;
        }

        public Builder checksumList(String path) {
            this.checksumList = path;
            return this;
        }

        /** @param format the format, or {@code null} to detect it */
        public Builder format(SignatureFormat format) {
            this.format = format;
            return this;
        }

        public Builder trustedKeys(List<String> names) {
            trustedKeys.clear();
            trustedKeys.addAll(names);
            return this;
        }

        public Builder keyCredentialsId(String id) {
            this.keyCredentialsId = id;
            return this;
        }

        public Builder environment(String name) {
            this.environment = name;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder identity(String identity) {
            this.identity = identity;
            return this;
        }

        public VerificationRequest build() {
            return new VerificationRequest(
                    artifact,
                    given(signature),
                    given(checksumList),
                    Optional.ofNullable(format),
                    trustedKeys,
                    given(keyCredentialsId),
                    given(environment),
                    given(namespace),
                    given(identity));
        }

        private static Optional<String> given(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }

    /** The request as Java serialization keeps it: absent parts as {@code null}. */
    private static final class SerialForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String artifact;
        private final String signature;
        private final String checksumList;
        private final SignatureFormat format;
        private final ArrayList<String> trustedKeys;
        private final String keyCredentialsId;
        private final String environment;
        private final String namespace;
        private final String identity;

        SerialForm(VerificationRequest request) {
            artifact = request.artifact();
            signature = request.signature().orElse(null);
            checksumList = request.checksumList().orElse(null);
            format = request.format().orElse(null);
            trustedKeys = new ArrayList<>(request.trustedKeys());
            keyCredentialsId = request.keyCredentialsId().orElse(null);
            environment = request.environment().orElse(null);
            namespace = request.namespace().orElse(null);
            identity = request.identity().orElse(null);
        }

        private Object readResolve() {
            return forArtifact(artifact)
                    .signature(signature)
                    .checksumList(checksumList)
                    .format(format)
                    .trustedKeys(trustedKeys == null ? List.of() : trustedKeys)
                    .keyCredentialsId(keyCredentialsId)
                    .environment(environment)
                    .namespace(namespace)
                    .identity(identity)
                    .build();
        }
    }
}
