package io.jenkins.plugins.promotiongates.core.release;

import io.jenkins.plugins.promotiongates.core.artifact.PathSegment;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import java.util.regex.Pattern;

/**
 * The name of an application, which the inventory, the path, soak, immutability and rollback gates and
 * the repositories keep apart: one to four {@code /}-separated segments of letters, digits, {@code .},
 * {@code _}, {@code +} and {@code -}, such as {@code shop} or {@code payments/api}. A job's full name
 * is made into one by {@link #ofJob}.
 */
public final class ApplicationName {

    private static final int MAX_SEGMENTS = 4;
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]+");

    private ApplicationName() {}

    /**
     * {@code name}, checked.
     *
     * @throws IllegalArgumentException naming the value, why it is refused and what to write instead
     */
    public static String of(String name) {
        String remedy = " Name the application with application: '...', such as 'shop' or 'payments/api'.";
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("The application name is empty." + remedy);
        }
        String[] segments = name.split("/", -1);
        if (segments.length > MAX_SEGMENTS) {
            throw new IllegalArgumentException("The application name '" + name + "' has " + segments.length
                    + " segments; at most " + MAX_SEGMENTS + " are allowed." + remedy);
        }
        for (String segment : segments) {
            if (!PathSegment.isValid(segment)) {
                throw new IllegalArgumentException("The application name " + QuotedInput.of(name)
                        + " cannot be used: each '/'-separated segment must be 1 to 128 letters, digits, '.', '_',"
                        + " '+' or '-', start with a letter or digit, contain no '..', and not be a reserved"
                        + " file name." + remedy);
            }
        }
        return name;
    }

    /**
     * The default application of a job: its full name (for a branch of a multibranch project, the
     * project's full name, which the glue passes), with every run of other characters replaced by
     * {@code -} in each segment, and the last {@value #MAX_SEGMENTS} segments kept. Two jobs whose names
     * differ only in such characters share an application; name one explicitly to keep them apart.
     */
    public static String ofJob(String fullName) {
        String[] segments = (fullName == null ? "" : fullName).split("/");
        StringBuilder name = new StringBuilder();
        int first = Math.max(0, segments.length - MAX_SEGMENTS);
        for (int i = first; i < segments.length; i++) {
            String safe = UNSAFE.matcher(segments[i]).replaceAll("-").replaceAll("^[._+-]+", "");
            safe = safe.replace("..", "-");
            if (safe.length() > 128) {
                safe = safe.substring(0, 128);
            }
            if (!PathSegment.isValid(safe)) {
                safe = "job-" + safe;
            }
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(safe);
        }
        return of(name.length() == 0 ? "job" : name.toString());
    }
}
