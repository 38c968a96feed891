package io.jenkins.plugins.promotiongates.core.signature.checksum;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;

/**
 * One line of a checksum list.
 *
 * @param lineNumber 1-based, for messages
 * @param hashName the hash as the line names it: {@code SHA256}, {@code MD5}...
 * @param algorithm the digest to compute, or {@code null} for a hash the engine refuses (MD5, SHA-1)
 * @param fileName the file name as written in the list
 * @param hex the expected digest, lower-case hex
 */
public record ChecksumLine(int lineNumber, String hashName, DigestAlgorithm algorithm, String fileName, String hex) {

    /** The file name without a leading {@code ./}, as it is compared with the artifact's name. */
    public String normalizedFileName() {
        String name = fileName;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name;
    }
}
