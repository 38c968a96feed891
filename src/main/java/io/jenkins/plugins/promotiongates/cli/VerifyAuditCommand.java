package io.jenkins.plugins.promotiongates.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.audit.PublicKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify-audit BUNDLE [--key PUBKEY] [--json]}: verifies a run's audit bundle offline. Exit
 * 0 verified, 1 tampered or unverifiable, 2 bad usage or unreadable input.
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
        return "usage: verify-audit BUNDLE [--key PUBKEY] [--json]\n"
                + "  PUBKEY: the controller's audit key, PEM or OpenSSH (ssh-ed25519 AAAA...) file, as shown\n"
                + "          on the Promotions page; without it the bundle's own key is used, which proves\n"
                + "          consistency only, not origin.";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String bundlePath = null;
        String keyPath = null;
        boolean json = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--json")) {
                json = true;
            } else if (argument.equals("--key")) {
                if (i + 1 == arguments.size()) {
                    err.println("verify-audit: --key needs a file\n" + usage());
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
        Optional<PublicKey> key = Optional.empty();
        if (keyPath != null) {
            try {
                key = Optional.of(PublicKeys.parse(Files.readString(Path.of(keyPath), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("verify-audit: cannot read key file '" + keyPath + "': " + e.getMessage());
                return USAGE;
            } catch (IllegalArgumentException e) {
                err.println("verify-audit: key file '" + keyPath + "': " + e.getMessage());
                return USAGE;
            }
        }
        byte[] bundle;
        try {
            Path path = Path.of(bundlePath);
            if (Files.size(path) > BundleVerifier.MAX_BYTES) {
                err.println("verify-audit: '" + bundlePath + "' is larger than " + BundleVerifier.MAX_BYTES
                        + " bytes; it is not a bundle this plugin wrote");
                return USAGE;
            }
            bundle = Files.readAllBytes(path);
        } catch (IOException e) {
            err.println("verify-audit: cannot read bundle '" + bundlePath + "': " + e.getMessage());
            return USAGE;
        }
        BundleVerification result = BundleVerifier.verify(bundle, key);
        if (json) {
            out.println(toJson(result, bundlePath, key.isPresent()));
        } else if (result.verified()) {
            out.println("verified: " + result.events() + " events of " + result.job() + " #" + result.build()
                    + ", covered by the checkpoint of "
                    + result.checkpoint().get().time() + " ("
                    + result.checkpoint().get().size() + " ledger entries) signed by " + result.keyFingerprint()
                    + (key.isPresent() ? "" : " (the bundle's own key: pass --key to check who signed it)"));
        } else {
            out.println("NOT VERIFIED: " + bundlePath + ": " + result.problem().get());
        }
        return result.verified() ? OK : NOT_VERIFIED;
    }

    private static String toJson(BundleVerification result, String bundlePath, boolean trustedKey) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("bundle", bundlePath);
        json.put("verified", result.verified());
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
