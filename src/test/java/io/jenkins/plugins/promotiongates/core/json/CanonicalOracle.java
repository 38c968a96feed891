package io.jenkins.plugins.promotiongates.core.json;

import java.util.Arrays;

/**
 * What the scanner is checked against: bytes are canonical exactly when Jackson, reading them, writes
 * them back unchanged.
 */
final class CanonicalOracle {

    private CanonicalOracle() {}

    static boolean jacksonWritesItSo(byte[] bytes) {
        try {
            return Arrays.equals(CanonicalJson.write(CanonicalJson.readObject(bytes, 0, bytes.length, "line")), bytes);
        } catch (JsonFormatException | IllegalArgumentException e) {
            return false;
        }
    }

    static boolean scannerAccepts(CanonicalScanner scanner, byte[] buffer, int start, int stop) {
        try {
            scanner.scan(buffer, start, stop);
            return true;
        } catch (CanonicalScanner.NotCanonical e) {
            return false;
        }
    }
}
