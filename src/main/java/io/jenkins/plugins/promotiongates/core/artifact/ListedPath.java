package io.jenkins.plugins.promotiongates.core.artifact;

/**
 * A file an agent listed, made relative to the workspace it was listed in. An agent answers with full
 * paths in its own form ({@code /home/agent/ws/dist/app.tar.gz}, {@code C:\ws\dist\app.tar.gz}); the
 * path is kept only when it lies under the workspace, and the relative part is then checked as any
 * user-given path is ({@link ConfinedPath#checkRelative}), so that a lying agent can name only files
 * inside the workspace, which the controller then reads itself.
 */
public final class ListedPath {

    private ListedPath() {}

    /**
     * The {@code /}-separated path of {@code listed} relative to {@code root}.
     *
     * @param root the workspace's full path as Jenkins knows it
     * @param listed a full path the agent listed
     * @throws ArtifactPathException when {@code listed} is not under {@code root}, or its relative part
     *     leads out of it
     */
    public static String relative(String root, String listed) throws ArtifactPathException {
        String base = trimmed(root == null ? "" : root);
        String path = listed == null ? "" : listed;
        if (base.isEmpty()
                || path.length() <= base.length() + 1
                || !path.startsWith(base)
                || !isSeparator(path.charAt(base.length()))) {
            throw new ArtifactPathException(
                    path,
                    "was listed by the agent, but is not inside the workspace " + root,
                    "Check the agent: it answered a listing of the workspace with another directory's file.");
        }
        return ConfinedPath.checkRelative(path.substring(base.length() + 1).replace('\\', '/'));
    }

    private static String trimmed(String root) {
        String base = root;
        while (base.length() > 1 && isSeparator(base.charAt(base.length() - 1))) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }
}
