package io.jenkins.plugins.promotiongates.cli;

import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.StreamingDigester;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationRejectedException;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationSubject;
import io.jenkins.plugins.promotiongates.core.attestation.AttestationVerifier;
import io.jenkins.plugins.promotiongates.core.attestation.PromotionStatement;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code verify-attestation ATTESTATION --key PUBKEY [--file FILE]...}: checks a promotion's attestation
 * (a DSSE envelope the controller signed) with the controller's public key, prints what was promoted
 * where, and, with {@code --file}, that each file given is one of its subjects (same SHA-256). Exit 0
 * verified, 1 not verified or a file not a subject, 2 bad usage or unreadable input.
 */
final class VerifyAttestationCommand implements CliCommand {

    /** An attestation is a few kilobytes; a thousand-file release stays far below this. */
    private static final int MAX_BYTES = 4 << 20;

    @Override
    public String name() {
        return "verify-attestation";
    }

    @Override
    public String summary() {
        return "verify a promotion's attestation and that files are what was promoted";
    }

    @Override
    public String usage() {
        return "usage: verify-attestation ATTESTATION --key PUBKEY [--file FILE]...\n"
                + "  ATTESTATION  the promotion's attestation (DSSE envelope), as written beside the release\n"
                + "  --key PUBKEY the controller's public key, PEM or OpenSSH file, obtained from a channel you trust\n"
                + "  --file FILE  a file that must be one of the attestation's subjects (by SHA-256); repeatable\n"
                + "  exit status: 0 verified (and every --file is a subject), 1 not verified or a file is not a\n"
                + "               subject, 2 bad usage or unreadable input";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        String attestationPath = null;
        String keyPath = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--key") || argument.equals("--file")) {
                if (i + 1 == arguments.size()) {
                    err.println("verify-attestation: " + argument + " needs a file\n" + usage());
                    return USAGE;
                }
                String value = arguments.get(++i);
                if (argument.equals("--file")) {
                    files.add(value);
                } else if (keyPath != null) {
                    err.println("verify-attestation: --key given twice\n" + usage());
                    return USAGE;
                } else {
                    keyPath = value;
                }
            } else if (argument.startsWith("-")) {
                err.println("verify-attestation: unknown option '" + argument + "'\n" + usage());
                return USAGE;
            } else if (attestationPath == null) {
                attestationPath = argument;
            } else {
                err.println("verify-attestation: one attestation at a time; got '" + attestationPath + "' and '"
                        + argument + "'");
                return USAGE;
            }
        }
        if (attestationPath == null || keyPath == null) {
            err.println("verify-attestation: "
                    + (attestationPath == null
                            ? "no attestation given"
                            : "--key is required:"
                                    + " pass the controller's public key, obtained from a channel you trust")
                    + "\n" + usage());
            return USAGE;
        }
        PublicKey key;
        byte[] envelope;
        try {
            key = PublicKeys.parse(new String(
                    InputFiles.readCapped(keyPath, "key file", CappedFileReader.DEFAULT_MAX_BYTES),
                    StandardCharsets.UTF_8));
            envelope = InputFiles.readCapped(attestationPath, "attestation", MAX_BYTES);
        } catch (IOException e) {
            err.println("verify-attestation: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("verify-attestation: key file '" + keyPath + "': " + e.getMessage());
            return USAGE;
        }
        PromotionStatement statement;
        try {
            statement = AttestationVerifier.verify(envelope, key, attestationPath);
        } catch (AttestationRejectedException e) {
            out.println("NOT VERIFIED: " + e.getMessage());
            return NOT_VERIFIED;
        }
        out.println("verified: " + statement.application() + " " + statement.version() + " entered "
                + statement.environment() + " at " + statement.timeVerified() + ", attested by "
                + statement.verifierId() + " under policy sha256:" + statement.policyDigest() + "; release "
                + statement.releaseDigest());
        for (AttestationSubject subject : statement.subjects()) {
            out.println("  " + subject.digest().hex() + "  " + subject.name());
        }
        return checkFiles(files, statement, out, err);
    }

    /** Whether every file given hashes to one of the statement's subjects. */
    private static int checkFiles(List<String> files, PromotionStatement statement, PrintStream out, PrintStream err) {
        int status = OK;
        StreamingDigester digester = new StreamingDigester();
        for (String file : files) {
            ArtifactDigest digest;
            try {
                digest = digester.digest(
                                ArtifactContent.of(InputFiles.regularFile(file, "file")),
                                Set.of(DigestAlgorithm.SHA256))
                        .sha256();
            } catch (IOException e) {
                err.println("verify-attestation: " + e.getMessage());
                return USAGE;
            }
            List<String> names = statement.subjects().stream()
                    .filter(subject -> subject.digest().matches(digest))
                    .map(AttestationSubject::name)
                    .toList();
            if (names.isEmpty()) {
                out.println("NOT A SUBJECT: " + file + " (" + digest + ") is not a file of this release: it is not"
                        + " what was promoted");
                status = NOT_VERIFIED;
            } else {
                out.println("subject: " + file + " is " + String.join(", ", names) + " (" + digest + ")");
            }
        }
        return status;
    }
}
