package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import io.jenkins.plugins.promotiongates.core.signature.TrustedKey;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads SSH keys from trusted keys: allowed_signers lines ({@code ssh-keygen(1)} ALLOWED SIGNERS:
 * {@code principals [options] keytype base64-key [comment]}) and bare public key lines
 * ({@code keytype base64-key [comment]}, as in a {@code .pub} file). Options {@code namespaces},
 * {@code valid-after} and {@code valid-before} are honoured; keys are compared as bytes, so a weak
 * or unsupported key listed here is refused only if it signed; any other option (such as
 * {@code cert-authority}) is refused, naming the line. Lines without an SSH key type are skipped, so
 * other key forms in the same list are ignored.
 */
final class AllowedSignersParser {

    private final ZoneId localZone;

    /** @param localZone the zone of valid-after/valid-before times written without {@code Z} */
    AllowedSignersParser(ZoneId localZone) {
        this.localZone = localZone;
    }

    List<AllowedSigner> parse(List<TrustedKey> trustedKeys) throws SignatureRejectedException {
        List<AllowedSigner> signers = new ArrayList<>();
        for (TrustedKey trustedKey : trustedKeys) {
            String[] lines = new String(trustedKey.material(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                AllowedSigner signer = parseLine(trustedKey.name(), i + 1, line);
                if (signer != null) {
                    signers.add(signer);
                }
            }
        }
        return signers;
    }

    private AllowedSigner parseLine(String name, int number, String line) throws SignatureRejectedException {
        List<String> tokens = split(line, ' ');
        String where = "trusted key '" + name + "' line " + number;
        int typeIndex = -1;
        for (int i = 0; i < Math.min(tokens.size(), 3); i++) {
            if (SshPublicKey.isKeyType(tokens.get(i))) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0 || typeIndex + 1 >= tokens.size()) {
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(tokens.get(typeIndex + 1));
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(
                    "the key on " + where + " is not valid base64", "Copy the key line again from the .pub file.");
        }
        String blobType = new SshWireReader(blob, "the key on " + where).readUtf8();
        if (!blobType.equals(tokens.get(typeIndex))) {
            throw new SignatureRejectedException(
                    "on " + where + " the key type '" + tokens.get(typeIndex) + "' differs from the key's own type '"
                            + SshPublicKey.printable(blobType) + "'",
                    "Copy the key line again from the .pub file.");
        }
        List<String> principals = typeIndex == 0 ? List.of() : split(unquote(tokens.get(0)), ',');
        List<String> namespaces = List.of();
        Optional<Instant> validAfter = Optional.empty();
        Optional<Instant> validBefore = Optional.empty();
        if (typeIndex == 2) {
            for (String option : split(tokens.get(1), ',')) {
                int equals = option.indexOf('=');
                String optionName = equals < 0 ? option : option.substring(0, equals);
                String value = equals < 0 ? "" : unquote(option.substring(equals + 1));
                switch (optionName.toLowerCase(java.util.Locale.ROOT)) {
                    case "namespaces" -> namespaces = split(value, ',');
                    case "valid-after" -> validAfter = Optional.of(time(value, where));
                    case "valid-before" -> validBefore = Optional.of(time(value, where));
                    default ->
                        throw new SignatureRejectedException(
                                "the option '" + SshPublicKey.printable(optionName) + "' on " + where
                                        + " is not supported (supported: namespaces, valid-after, valid-before;"
                                        + " certificates and cert-authority are not)",
                                "Remove the option, or list the signer's plain key instead of a certificate authority.");
                }
            }
        }
        return new AllowedSigner(name, number, principals, namespaces, validAfter, validBefore, blob);
    }

    private Instant time(String value, String where) throws SignatureRejectedException {
        boolean utc = value.endsWith("Z") || value.endsWith("z");
        String digits = utc ? value.substring(0, value.length() - 1) : value;
        if (!digits.matches("\\d{8}(\\d{4}(\\d{2})?)?")) {
            throw new SignatureRejectedException(
                    "the time '" + SshPublicKey.printable(value) + "' on " + where + " is not YYYYMMDD[HHMM[SS]][Z]",
                    "Write the time as ssh-keygen(1) describes, for example 20250131 or 202501311200Z.");
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)),
                    digits.length() >= 12 ? Integer.parseInt(digits.substring(8, 10)) : 0,
                    digits.length() >= 12 ? Integer.parseInt(digits.substring(10, 12)) : 0,
                    digits.length() == 14 ? Integer.parseInt(digits.substring(12, 14)) : 0);
            return local.atZone(utc ? ZoneOffset.UTC : localZone).toInstant();
        } catch (DateTimeException e) {
            throw new SignatureRejectedException(
                    "the time '" + value + "' on " + where + " is not a valid date",
                    "Write the time as ssh-keygen(1) describes, for example 20250131 or 202501311200Z.");
        }
    }

    /** Splits on {@code separator} (a space also splits on tabs) outside double quotes. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            boolean separates = separator == ' ' ? (c == ' ' || c == '\t') : c == separator;
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (separates && !quoted) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
