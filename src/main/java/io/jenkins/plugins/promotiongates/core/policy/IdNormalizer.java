package io.jenkins.plugins.promotiongates.core.policy;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Turns user ids and group names into the keys the security realm compares them by, so that one
 * person counts once however their id is spelled. The glue passes the realm's
 * {@code IdStrategy.keyFor} for users and for groups.
 */
public interface IdNormalizer {

    /** The comparison key of a user id. */
    String user(String userId);

    /** The comparison key of a group name. */
    String group(String groupName);

    /** Normalizes users and groups with the given functions (typically two {@code IdStrategy::keyFor}). */
    static IdNormalizer of(UnaryOperator<String> users, UnaryOperator<String> groups) {
        return new IdNormalizer() {
            @Override
            public String user(String userId) {
                return users.apply(present("user id", userId).trim());
            }

            @Override
            public String group(String groupName) {
                return groups.apply(present("group name", groupName).trim());
            }
        };
    }

    private static String present(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException("a " + what + " is missing (null); name the user or group by its id");
        }
        return value;
    }

    /** Ids compared exactly, like Jenkins' {@code IdStrategy.CASE_SENSITIVE}. */
    static IdNormalizer caseSensitive() {
        return of(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** Ids compared ignoring case, like Jenkins' {@code IdStrategy.CASE_INSENSITIVE}. */
    static IdNormalizer caseInsensitive() {
        return of(id -> id.toLowerCase(Locale.ENGLISH), id -> id.toLowerCase(Locale.ENGLISH));
    }
}
