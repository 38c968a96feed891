package io.jenkins.plugins.promotiongates.core.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Values a user, a build script or an attacker could pass to an engine entry point: null, empty,
 * blank, huge, control and format characters, path tricks, Windows device names, regex and glob
 * metacharacters, deep JSON nesting, numbers at their limits; or random text mixing them.
 */
final class HostileInputs {

    static final List<String> FIXED = List.of(
            "",
            " ",
            "\t\n",
            "\u0000",
            "a\u0000b",
            "..",
            "../../etc/passwd",
            "/abs",
            "C:x",
            "\\\\server\\share",
            "CON",
            "nul.txt",
            "COM1",
            "app.",
            "app ",
            "\u202Eexe.txt",
            "\u001b[31mred",
            "é",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "*",
            "**",
            "?",
            "**a".repeat(200) + "b",
            "*a".repeat(200) + "b",
            "(a+)+$",
            "[",
            "\\Q\\E",
            "${jndi:ldap://x}",
            "%2e%2e%2f",
            "-1",
            "0",
            "2147483648",
            "9223372036854775808",
            "1e400",
            "P9999999999D",
            "PT-1S",
            "99999999999999999999d",
            "25:61",
            "MON-",
            "-MON",
            "MON-FRI-SUN",
            "sha256:",
            "sha256:" + "g".repeat(64),
            "SHA256:" + "a".repeat(64),
            "sha256:" + "a".repeat(64),
            "file:",
            "file:relative",
            "maven:http://x",
            "maven:https://user:pass@host/repo#g",
            "alice, Alice, ALICE",
            "a,,,,,,b",
            "[".repeat(100_000),
            "{\"a\":".repeat(50_000),
            "\"" + "\\u0000".repeat(1000) + "\"",
            "{}",
            "[]",
            "null",
            "{\"environment\":null}");

    private static final String ALPHABET = "aAzZ09._-+/\\:*?, \t\n{}[]\"'$%@#~!|<>()\u0000\u00e9\u202e";

    private final SplittableRandom random;

    HostileInputs(SplittableRandom random) {
        this.random = random;
    }

    /** One value: sometimes null, sometimes a fixed hostile one, sometimes huge, usually random text. */
    String next() {
        int pick = random.nextInt(100);
        if (pick < 5) {
            return null;
        }
        if (pick < 35) {
            return FIXED.get(random.nextInt(FIXED.size()));
        }
        if (pick < 37) {
            return String.valueOf((char) ('a' + random.nextInt(26))).repeat(50_000 + random.nextInt(200_000));
        }
        if (pick < 60) {
            return plausible();
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Text close to valid values, so that later checks are reached too. */
    String plausible() {
        List<String> near = List.of(
                "production",
                "staging",
                "release/*",
                "release/**",
                "main",
                "4h",
                "1d2h",
                "PT30M",
                "24h",
                "sha256",
                "sha512",
                "MON-FRI",
                "SAT,SUN",
                "09:00",
                "17:00",
                "app.tar.gz",
                "1.4.0",
                "alice",
                "alice, bob",
                "release-managers",
                "Europe/Paris",
                "2025-06-01T00:00:00Z",
                "record-only:",
                "file:/srv/releases",
                "3650d",
                "3651d",
                "0s",
                "1s");
        String base = near.get(random.nextInt(near.size()));
        return switch (random.nextInt(4)) {
            case 0 -> base;
            case 1 -> base + ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            case 2 -> base.toUpperCase(java.util.Locale.ROOT);
            default -> " " + base + " ";
        };
    }

    Integer count() {
        int[] interesting = {0, 1, 2, 3, 5, 99, 100, 101, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return random.nextInt(10) == 0 ? null : interesting[random.nextInt(interesting.length)];
    }

    boolean bool() {
        return random.nextBoolean();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
