package io.jenkins.plugins.promotiongates.core.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, integers, booleans and nulls as canonical JSON, byte for
 * byte what {@code jq -cS .} prints (without its trailing newline): keys sorted by code point, no
 * whitespace, non-ASCII written as UTF-8, control characters and DEL as lower-case {@code \}u escapes.
 * Floating-point numbers, and integers beyond +/-(2^53 - 1) that jq would round, are refused.
 */
public final class CanonicalPolicyJson {

    /** Largest integer a double (jq's number type) holds exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalPolicyJson() {}

    /** The canonical text of {@code tree}. */
    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        value(tree, out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code canonical}. */
    public static String sha256Hex(String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256, which every Java SE runtime must provide", e);
        }
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Long number) {
            if (Math.abs(number) > MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException(
                        "Canonical JSON integers stay within +/-(2^53 - 1), which jq and every"
                                + " JSON reader keep exactly; " + number + " does not");
            }
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                out.append(first ? "" : ",");
                value(element, out);
                first = false;
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "Canonical JSON holds only maps, lists, strings, integers and booleans, not "
                            + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(CanonicalPolicyJson::byCodePoint);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : ",");
            string(keys.get(i), out);
            out.append(':');
            value(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", c));
                    } else if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        out.append('"');
    }
}
