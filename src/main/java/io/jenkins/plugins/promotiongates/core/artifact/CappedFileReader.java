package io.jenkins.plugins.promotiongates.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a small untrusted input file (signature, key, checksum list) whole, refusing anything that
 * is not a regular file or is larger than a cap, before more than the cap is read.
 */
public final class CappedFileReader {

    /** The default cap for signature, key and checksum files: 1 MiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private final int maxBytes;

    public CappedFileReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public CappedFileReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * @param what what the file is, for messages: {@code signature file}, {@code key file}
     * @param name the file as the user named it
     * @throws IOException naming the file, the reason and the remedy
     */
    public byte[] read(Path file, String what, String name) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("The " + what + " '" + name + "' does not exist. Check the path.");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("The " + what + " '" + name + "' is not a regular file (a directory, FIFO or "
                    + "device). Name a regular file.");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(what, name);
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw tooLarge(what, name);
            }
            return content;
        }
    }

    /**
     * Reads a small input whole from its content, refusing it once more than the cap has arrived.
     *
     * @param what what the file is, for messages: {@code signature file}, {@code checksum list}
     * @param name the file as the user named it
     * @throws IOException naming the file, the reason and the remedy
     */
    public byte[] read(ArtifactContent content, String what, String name) throws IOException {
        if (content.size() > maxBytes) {
            throw tooLarge(what, name);
        }
        try (InputStream in = content.open()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(what, name);
            }
            return bytes;
        }
    }

    private IOException tooLarge(String what, String name) {
        return new IOException("The " + what + " '" + name + "' is larger than " + maxBytes
                + " bytes, the limit for such files. Check that you named the " + what
                + " and not the artifact itself.");
    }
}
