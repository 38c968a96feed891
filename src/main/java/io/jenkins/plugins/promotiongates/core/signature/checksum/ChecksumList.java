package io.jenkins.plugins.promotiongates.core.signature.checksum;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checksum list in {@code sha256sum}/{@code sha512sum} format ({@code HEX  name}, {@code HEX *name})
 * or BSD format ({@code SHA256 (name) = HEX}, as {@code sha256sum --tag}, {@code signify -C} and
 * OpenSSL write it). Blank lines and {@code #} comments are skipped; any other line that is neither
 * format makes the whole file invalid.
 *
 * @param lines the parsed lines in file order
 */
public record ChecksumList(List<ChecksumLine> lines) {

    private static final Pattern GNU = Pattern.compile("(\\\\?)([0-9a-fA-F]{32,128}) [ *](.+)");
    private static final Pattern BSD = Pattern.compile(
            "(\\\\?)(SHA256|SHA384|SHA512|SHA2-256|SHA2-384|SHA2-512|SHA1|MD5) ?\\((.+)\\) ?= " + "([0-9a-fA-F]+)");
    private static final String REMEDY =
            "Give a checksum file written by sha256sum, sha512sum, 'sha256sum --tag' or signify, unmodified.";

    public ChecksumList {
        lines = List.copyOf(lines);
    }

    /** Whether {@code bytes} parse as a checksum list with at least one line. */
    public static boolean looksLike(byte[] bytes) {
        try {
            parse(bytes);
            return true;
        } catch (SignatureRejectedException e) {
            return false;
        }
    }

    /** @throws SignatureRejectedException naming the first line that is not a checksum line */
    public static ChecksumList parse(byte[] bytes) throws SignatureRejectedException {
        String text = decode(bytes);
        List<ChecksumLine> lines = new ArrayList<>();
        String[] rawLines = text.split("\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            String line = rawLines[i].endsWith("\r") ? rawLines[i].substring(0, rawLines[i].length() - 1) : rawLines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            lines.add(parseLine(i + 1, line));
        }
        if (lines.isEmpty()) {
            throw new SignatureRejectedException("the checksum file lists no checksums", REMEDY);
        }
        return new ChecksumList(lines);
    }

    /**
     * The lines naming the artifact: their file name (without a leading {@code ./}) is the
     * artifact's path as given, or its base name.
     */
    public List<ChecksumLine> linesFor(String artifactName) {
        String path = artifactName;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        String baseName = path.substring(path.lastIndexOf('/') + 1);
        List<ChecksumLine> matching = new ArrayList<>();
        for (ChecksumLine line : lines) {
            String name = line.normalizedFileName();
            if (name.equals(path) || name.equals(baseName)) {
                matching.add(line);
            }
        }
        return matching;
    }

    private static ChecksumLine parseLine(int number, String line) throws SignatureRejectedException {
        Matcher bsd = BSD.matcher(line);
        if (bsd.matches()) {
            String hashName = bsd.group(2);
            String hex = bsd.group(4).toLowerCase(Locale.ROOT);
            DigestAlgorithm algorithm = algorithmFor(hashName.replace("SHA2-", "SHA"));
            checkLength(number, algorithm, hashName, hex);
            return new ChecksumLine(number, hashName, algorithm, unescape(bsd.group(1), bsd.group(3)), hex);
        }
        Matcher gnu = GNU.matcher(line);
        if (gnu.matches()) {
            String hex = gnu.group(2).toLowerCase(Locale.ROOT);
            String hashName = hashForLength(hex.length());
            if (hashName == null) {
                throw new SignatureRejectedException(
                        "line " + number + " of the checksum file has a digest of " + hex.length()
                                + " hex digits, which is no known hash",
                        REMEDY);
            }
            return new ChecksumLine(
                    number, hashName, algorithmFor(hashName), unescape(gnu.group(1), gnu.group(3)), hex);
        }
        throw new SignatureRejectedException(
                "line " + number + " of the checksum file is neither 'HEX  name' nor 'SHA256 (name) = HEX'", REMEDY);
    }

    private static void checkLength(int number, DigestAlgorithm algorithm, String hashName, String hex)
            throws SignatureRejectedException {
        int expected = algorithm != null ? algorithm.length() * 2 : hashName.equals("MD5") ? 32 : 40;
        if (hex.length() != expected) {
            throw new SignatureRejectedException(
                    "line " + number + " of the checksum file gives a " + hashName + " digest of " + hex.length()
                            + " hex digits instead of " + expected,
                    REMEDY);
        }
    }

    private static String hashForLength(int hexDigits) {
        return switch (hexDigits) {
            case 32 -> "MD5";
            case 40 -> "SHA1";
            case 64 -> "SHA256";
            case 96 -> "SHA384";
            case 128 -> "SHA512";
            default -> null;
        };
    }

    private static DigestAlgorithm algorithmFor(String hashName) {
        return switch (hashName) {
            case "SHA256" -> DigestAlgorithm.SHA256;
            case "SHA384" -> DigestAlgorithm.SHA384;
            case "SHA512" -> DigestAlgorithm.SHA512;
            default -> null;
        };
    }

    /** GNU coreutils starts a line with a backslash when the name holds a newline or backslash. */
    private static String unescape(String escapeMarker, String name) {
        if (escapeMarker.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length()) {
                char next = name.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(byte[] bytes) throws SignatureRejectedException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SignatureRejectedException("the checksum file is not UTF-8 text", REMEDY);
        }
    }
}
