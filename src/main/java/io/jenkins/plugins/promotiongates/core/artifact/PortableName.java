package io.jenkins.plugins.promotiongates.core.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a name that is already limited to letters, digits, {@code .}, {@code _}, {@code +} and
 * {@code -} still unusable as a file or directory name somewhere: Windows reserves the device names
 * ({@code CON}, {@code NUL}, {@code COM1}..., also with any extension, as in {@code nul.txt}) and
 * drops a trailing dot ({@code app.} would name the file {@code app}).
 */
public final class PortableName {

    private static final Set<String> DEVICES = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private PortableName() {}

    /**
     * Why {@code name} is not safe in every file system, or empty when it is (as far as this class
     * checks: the caller restricts the characters).
     */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (DEVICES.contains(stem)) {
            return Optional.of("'" + stem + "' is a device name on Windows, which no file there can be named");
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of("Windows drops a trailing '" + last + "', so it would name another file");
        }
        return Optional.empty();
    }
}
