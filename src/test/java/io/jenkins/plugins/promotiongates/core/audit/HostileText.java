package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.util.Random;

/** Random text that is hard to write canonically: escapes, controls, DEL, separators, BOM, non-BMP, quotes. */
final class HostileText {

    private static final int[] AWKWARD = {
        0, 1, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1f, 0x7f, '"', '\\', '/', '<', '>', '&', '\'', ' ', 'u', '0', 'a',
        'Z', '#', '.', 0x80, 0x9f, 0xa0, 0xe9, 0x7ff, 0x800, 0x20ac, 0x2028, 0x2029, 0xd7ff, 0xe000, 0xfeff, 0xfffe,
        0xffff, 0x10000, 0x1f680, 0x1f468, 0x10ffff
    };

    private HostileText() {}

    /** 1 to {@code maxLength} code points, valid Unicode (no unpaired surrogates). */
    static String of(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            int codePoint;
            switch (random.nextInt(4)) {
                case 0 -> codePoint = 0x20 + random.nextInt(0x5f);
                case 1 -> {
                    do {
                        codePoint = random.nextInt(0x10000);
                    } while (Character.isSurrogate((char) codePoint));
                }
                case 2 -> codePoint = 0x10000 + random.nextInt(0x100000);
                default -> codePoint = AWKWARD[random.nextInt(AWKWARD.length)];
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /** A build number: small, on a digit boundary, or anywhere up to 2^53-1. */
    static long build(Random random) {
        long[] edges = {1, 2, 9, 10, 99, 100, 999_999_999, 1_000_000_000, CanonicalJson.MAX_INTEGER};
        return random.nextBoolean()
                ? edges[random.nextInt(edges.length)]
                : 1 + (random.nextLong() >>> 1) % CanonicalJson.MAX_INTEGER;
    }
}
