package io.jenkins.plugins.promotiongates.cli;

import io.jenkins.plugins.promotiongates.core.artifact.CappedFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files named on the command line. Each is resolved to its real path and its attributes are read
 * without following links before it is opened, so a directory, FIFO or device is refused at once
 * (opening a FIFO for reading would block until a writer comes).
 */
final class InputFiles {

    /** The name that means standard input, as {@code sha256sum} accepts it. */
    static final String STANDARD_INPUT = "-";

    private InputFiles() {}

    /**
     * The real path of a regular file.
     *
     * @param what what the file is, for messages: {@code artifact}, {@code key file}
     * @throws IOException naming the file, the reason and the remedy
     */
    static Path regularFile(String name, String what) throws IOException {
        if (name.isEmpty()) {
            throw new IOException("The " + what + " is named by an empty string. Name a regular file.");
        }
        Path real;
        try {
            real = Path.of(name).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new IOException("The " + what + " '" + name + "' does not exist or cannot be read. Check the path"
                    + (name.startsWith("/dev/") || name.startsWith("/proc/") ? ", or name standard input as -" : "")
                    + ".");
        }
        BasicFileAttributes attributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("The " + what + " '" + name + "' is not a regular file ("
                    + (attributes.isDirectory() ? "it is a directory" : "it is a FIFO, socket or device")
                    + "). Name a regular file.");
        }
        return real;
    }

    /** A small regular file read whole, refused unread when larger than {@code maxBytes}. */
    static byte[] readCapped(String name, String what, int maxBytes) throws IOException {
        return new CappedFileReader(maxBytes).read(regularFile(name, what), what, name);
    }

    /**
     * Copies standard input to a new file readable by its owner only, for commands that read an input
     * more than once or need its size first. The caller deletes it.
     */
    static Path spool(InputStream in) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(
                    "promotion-gates-stdin",
                    ".bin",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile("promotion-gates-stdin", ".bin");
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new IOException("Cannot read standard input: " + e.getMessage(), e);
        }
        return file;
    }
}
