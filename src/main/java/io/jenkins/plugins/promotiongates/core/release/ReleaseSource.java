package io.jenkins.plugins.promotiongates.core.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a step takes a release's files from: exactly one of {@code artifact:} (one workspace file),
 * {@code files:} (Ant-style patterns in the workspace) or {@code archived:} (patterns among the run's
 * archived artifacts, which need no workspace).
 *
 * @param kind which parameter named the files
 * @param patterns the patterns, or for {@code artifact:} the one path, as given (trimmed)
 */
public record ReleaseSource(Kind kind, List<String> patterns) {

    /** The three parameters, each with the name a Jenkinsfile uses. */
    public enum Kind {
        ARTIFACT("artifact"),
        FILES("files"),
        ARCHIVED("archived");

        private final String parameter;

        Kind(String parameter) {
            this.parameter = parameter;
        }

        /** The step parameter, such as {@code files}. */
        public String parameter() {
            return parameter;
        }
    }

    public ReleaseSource {
        patterns = List.copyOf(patterns);
    }

    /**
     * The source the step's arguments name, or empty when they name none.
     *
     * @param step the step, such as {@code promoteArtifact}, for messages
     * @throws IllegalArgumentException naming every parameter given when more than one is, or a malformed
     *     pattern list
     */
    public static Optional<ReleaseSource> of(String step, String artifact, String files, String archived) {
        List<Kind> given = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!blank(value(kind, artifact, files, archived))) {
                given.add(kind);
            }
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException(step + " takes the release's files from exactly one of artifact: (one"
                    + " workspace file), files: (patterns in the workspace) or archived: (patterns among the run's"
                    + " archived artifacts), and was given " + names(given) + "; keep one of them.");
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = given.get(0);
        String text = value(kind, artifact, files, archived).trim();
        return Optional.of(new ReleaseSource(
                kind, kind == Kind.ARTIFACT ? List.of(text) : FilePatterns.parse(kind.parameter(), text)));
    }

    /**
     * The source the step's arguments name, which must be one.
     *
     * @throws IllegalArgumentException when none or more than one is named, or a pattern list is malformed
     */
    public static ReleaseSource required(String step, String artifact, String files, String archived) {
        return of(step, artifact, files, archived)
                .orElseThrow(() -> new IllegalArgumentException(step + " needs the release's files: give artifact:"
                        + " 'dist/app.tar.gz' (one workspace file), files: 'dist/*.tar.gz, dist/sbom.json' (patterns"
                        + " in the workspace) or archived: 'dist/*' (the run's archived artifacts, after"
                        + " archiveArtifacts)."));
    }

    /** Whether the files are read from the workspace, which the step then needs ({@code node}). */
    public boolean needsWorkspace() {
        return kind != Kind.ARCHIVED;
    }

    /** The argument as a Jenkinsfile writes it, such as {@code files: 'dist/*.tar.gz, dist/sbom.json'}. */
    @Override
    public String toString() {
        return kind.parameter() + ": '" + String.join(", ", patterns) + "'";
    }

    private static String value(Kind kind, String artifact, String files, String archived) {
        return switch (kind) {
            case ARTIFACT -> artifact;
            case FILES -> files;
            case ARCHIVED -> archived;
        };
    }

    private static String names(List<Kind> kinds) {
        List<String> names = kinds.stream().map(kind -> kind.parameter() + ":").toList();
        return String.join(" and ", names);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
