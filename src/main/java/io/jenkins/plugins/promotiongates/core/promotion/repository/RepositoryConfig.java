package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * An environment's {@code repository} setting, parsed. Three forms:
 *
 * <ul>
 *   <li>{@code file:/srv/releases/production} (an absolute directory, local or a network mount)
 *   <li>{@code maven:https://nexus.example/repository/releases;groupId=com.example.releases}
 *   <li>{@code record-only:}, and the empty string, which means the same
 * </ul>
 */
public sealed interface RepositoryConfig {

    Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** A directory repository. */
    record FileSystem(Path directory) implements RepositoryConfig {}

    /** A Maven-layout HTTP repository. */
    record Maven(URI url, String groupId) implements RepositoryConfig {}

    /** Nothing is copied; the promotion is only recorded. */
    record RecordOnly() implements RepositoryConfig {}

    /**
     * @param setting the environment's {@code repository} value
     * @param field the setting's path for messages, such as {@code environments[production].repository}
     * @throws IllegalArgumentException naming the setting, its value, what is wrong and the forms accepted
     */
    static RepositoryConfig parse(String setting, String field) {
        String value = setting == null ? "" : setting.trim();
        if (value.isEmpty() || value.equals("record-only:")) {
            return new RecordOnly();
        }
        if (value.startsWith("file:")) {
            return fileSystem(value, field);
        }
        if (value.startsWith("maven:")) {
            return maven(value, field);
        }
        throw invalid(field, value, "has no known scheme");
    }

    private static RepositoryConfig fileSystem(String value, String field) {
        String path = value.substring("file:".length());
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        Path directory;
        try {
            directory = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(field, value, "is not a valid path (" + e.getReason() + ")");
        }
        boolean climbs = false;
        for (Path segment : directory) {
            climbs |= segment.toString().equals("..");
        }
        if (!directory.isAbsolute() || climbs) {
            throw invalid(field, value, "must name an absolute directory without '..'");
        }
        return new FileSystem(directory);
    }

    private static RepositoryConfig maven(String value, String field) {
        String rest = value.substring("maven:".length());
        int separator = rest.indexOf(";groupId=");
        if (separator < 0) {
            throw invalid(field, value, "has no ;groupId=... (the Maven groupId artifacts are promoted under)");
        }
        String groupId = rest.substring(separator + ";groupId=".length());
        if (!GROUP_ID.matcher(groupId).matches()) {
            throw invalid(
                    field, value, "has the groupId '" + groupId + "', which is not dotted letters, digits, '_' or '-'");
        }
        URI url;
        try {
            url = new URI(rest.substring(0, separator));
        } catch (URISyntaxException e) {
            throw invalid(field, value, "does not hold a valid URL (" + e.getReason() + ")");
        }
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw invalid(field, value, "must hold an http:// or https:// URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid(
                    field,
                    "maven:" + url.getScheme() + "://(credentials hidden)@" + url.getHost(),
                    "carries credentials in the URL; remove them and configure a credentials id for the repository instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw invalid(field, value, "must hold a URL without ?query or #fragment");
        }
        return new Maven(url, groupId);
    }

    private static IllegalArgumentException invalid(String field, String value, String reason) {
        return new IllegalArgumentException(field + " '" + value + "' " + reason + ". Use one of:"
                + " file:/absolute/directory, maven:https://host/repository/name;groupId=com.example,"
                + " or record-only: (see docs/promotion.md, Repositories).");
    }
}
