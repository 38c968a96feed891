package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.nio.charset.StandardCharsets;

/**
 * URL path segments built from values that did not come from the administrator (artifact names,
 * versions) or that must not change a URL's shape (the groupId): refused when they are empty, a dot
 * segment, contain a separator or a control character, and otherwise percent-encoded except for
 * letters, digits and {@code - . _ ~ +}. So a value can never climb out of the repository's base URL
 * nor add a query, a fragment or a second path segment.
 */
final class UrlSegments {

    private UrlSegments() {}

    /**
     * @param what what the value is, for the message: {@code version}, {@code artifactId}...
     * @return the value, percent-encoded for a URL path
     * @throws IllegalArgumentException naming the value, why it is refused and what to use instead
     */
    static String encode(String what, String value) {
        String reason = refusal(value);
        if (reason != null) {
            throw new IllegalArgumentException("The " + what + " '" + printable(value) + "' cannot be a segment of"
                    + " the repository URL: it " + reason + ". Use letters, digits, '.', '_', '+' or '-' (such as"
                    + " 1.4.0 for a version, app for an artifactId).");
        }
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static String refusal(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "is a dot segment, which would move up or stay in the URL path";
        }
        if (value.contains("..")) {
            return "contains '..'";
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            return "contains a path separator ('/' or '\\')";
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "contains a control character";
        }
        return null;
    }

    /** The value with control characters shown as escapes, so that a message cannot forge log lines. */
    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }
}
