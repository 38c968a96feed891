package io.jenkins.plugins.promotiongates.cli;

import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed arguments of {@code verify-signature}. */
record VerifySignatureOptions(
        String artifact,
        String signature,
        List<String> keys,
        Optional<String> checksums,
        Optional<SignatureFormat> format,
        Optional<String> namespace,
        Optional<String> identity,
        boolean json) {

    /** The options that take a value. */
    private static final List<String> VALUED =
            List.of("--artifact", "--signature", "--checksums", "--key", "--format", "--namespace", "--identity");

    /** @throws IllegalArgumentException naming the bad or missing argument */
    static VerifySignatureOptions parse(List<String> arguments) {
        String artifact = null;
        String signature = null;
        String checksums = null;
        String format = "auto";
        String namespace = null;
        String identity = null;
        boolean json = false;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (!option.startsWith("-") || option.equals("-")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (!VALUED.contains(option)) {
                throw new IllegalArgumentException("unknown option '" + option + "'");
            }
            if (i + 1 == arguments.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = arguments.get(++i);
            switch (option) {
                case "--artifact" -> artifact = once(option, artifact, value);
                case "--signature" -> signature = once(option, signature, value);
                case "--checksums" -> checksums = once(option, checksums, value);
                case "--key" -> keys.add(value);
                case "--format" -> format = value;
                case "--namespace" -> namespace = once(option, namespace, value);
                case "--identity" -> identity = once(option, identity, value);
                default -> throw new IllegalStateException("VALUED lists " + option);
            }
        }
        if (artifact == null) {
            throw new IllegalArgumentException("--artifact is required");
        }
        if (signature == null) {
            throw new IllegalArgumentException("--signature is required");
        }
        Optional<SignatureFormat> parsedFormat =
                format.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(SignatureFormat.parse(format));
        if (keys.isEmpty() && !parsedFormat.equals(Optional.of(SignatureFormat.CHECKSUM))) {
            throw new IllegalArgumentException(
                    "--key is required (only a plain checksum file, --format checksum, needs no key)");
        }
        return new VerifySignatureOptions(
                artifact,
                signature,
                keys,
                Optional.ofNullable(checksums),
                parsedFormat,
                Optional.ofNullable(namespace),
                Optional.ofNullable(identity),
                json);
    }

    private static String once(String option, String previous, String value) {
        if (previous != null) {
            throw new IllegalArgumentException(option + " given twice");
        }
        return value;
    }
}
