package io.jenkins.plugins.promotiongates.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify-audit BUNDLE (--key PUBKEY | --trust-embedded-key) [--json]}: verifies a run's audit
 * bundle offline. Exit 0 verified with the auditor's key, 1 tampered or unverifiable, 2 bad usage or
 * unreadable input, 3 consistent with the bundle's own key only ({@code --trust-embedded-key}).
 */
final class VerifyAuditCommand implements CliCommand {

    @Override
    public String name() {
        return "verify-audit";
    }

    @Override
    public String summary() {
        return "verify a run's audit bundle (events, ledger links, signed checkpoint)";
    }

    @Override
    public String usage() {
        return "usage: verify-audit BUNDLE --key PUBKEY [--json]\n"
                + "       verify-audit BUNDLE --trust-embedded-key [--json]\n"
                + "  --key PUBKEY          the controller's audit key, PEM or OpenSSH (ssh-ed25519 AAAA...) file, as\n"
                + "                        shown on the Promotions page and obtained from a channel you trust\n"
                + "  --trust-embedded-key  check the bundle against the key it carries: proves consistency only,\n"
                + "                        not who signed it; exits 3 (never 0) when consistent\n"
                + "  exit status: 0 verified with --key, 1 tampered or not verified, 2 bad usage or unreadable input,\n"
                + "               3 consistent with the bundle's own key (--trust-embedded-key)";
    }

    @Override
    public int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        String bundlePath = null;
        String keyPath = null;
        boolean embeddedKey = false;
        boolean json = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--json")) {
                json = true;
            } else if (argument.equals("--trust-embedded-key")) {
                embeddedKey = true;
            } else if (argument.equals("--key")) {
                if (i + 1 == arguments.size()) {
                    err.println("verify-audit: --key needs a file\n" + usage());
                    return USAGE;
                }
                if (keyPath != null) {
                    err.println("verify-audit: --key given twice\n" + usage());
                    return USAGE;
                }
                keyPath = arguments.get(++i);
            } else if (argument.startsWith("-")) {
                err.println("verify-audit: unknown option '" + argument + "'\n" + usage());
                return USAGE;
            } else if (bundlePath == null) {
                bundlePath = argument;
            } else {
                err.println("verify-audit: one bundle at a time; got '" + bundlePath + "' and '" + argument + "'");
                return USAGE;
            }
        }
        if (bundlePath == null) {
            err.println("verify-audit: no bundle given\n" + usage());
            return USAGE;
        }
        if (keyPath == null && !embeddedKey) {
            err.println("verify-audit: --key is required: pass the controller's public key, obtained from a channel"
                    + " you trust (or --trust-embedded-key to check consistency only, exit status 3)\n" + usage());
            return USAGE;
        }
        if (keyPath != null && embeddedKey) {
            err.println("verify-audit: --key and --trust-embedded-key exclude each other\n" + usage());
            return USAGE;
        }
        Optional<PublicKey> key = Optional.empty();
        if (keyPath != null) {
            try {
                key = Optional.of(PublicKeys.parse(new String(
                        InputFiles.readCapped(keyPath, "key file", CappedFileReader.DEFAULT_MAX_BYTES),
                        StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("verify-audit: " + e.getMessage());
                return USAGE;
            } catch (IllegalArgumentException e) {
                err.println("verify-audit: key file '" + keyPath + "': " + e.getMessage());
                return USAGE;
            }
        }
        byte[] bundle;
        try {
            bundle = InputFiles.readCapped(bundlePath, "bundle", BundleVerifier.MAX_BYTES);
        } catch (IOException e) {
            err.println("verify-audit: " + e.getMessage());
            return USAGE;
        }
        BundleVerification result = BundleVerifier.verify(bundle, key);
        if (json) {
            out.println(toJson(result, bundlePath, key.isPresent()));
        } else if (result.verified()) {
            out.println((key.isPresent() ? "verified: " : "consistent (origin NOT checked): ") + result.events()
                    + " events of " + result.job() + " #" + result.build()
                    + ", covered by the checkpoint of "
                    + result.checkpoint().get().time() + " ("
                    + result.checkpoint().get().size() + " ledger entries) signed by " + result.keyFingerprint()
                    + (key.isPresent() ? "" : " (the bundle's own key: pass --key to check who signed it)"));
        } else {
            out.println("NOT VERIFIED: " + bundlePath + ": " + result.problem().get());
        }
        if (!result.verified()) {
            return NOT_VERIFIED;
        }
        return key.isPresent() ? OK : CONSISTENT_ONLY;
    }

    private static String toJson(BundleVerification result, String bundlePath, boolean trustedKey) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("bundle", bundlePath);
        json.put("verified", result.verified() && trustedKey);
        json.put("consistent", result.verified());
        json.put("problem", result.problem().orElse(null));
        json.put("job", result.job());
        json.put("build", result.build());
        json.put("events", result.events());
        result.checkpoint().ifPresent(checkpoint -> {
            json.put("checkpointSize", checkpoint.size());
            json.put("checkpointTime", checkpoint.time());
        });
        json.put("key", result.keyFingerprint());
        json.put("keyTrusted", trustedKey);
        return json.toString();
    }
}
