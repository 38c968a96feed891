package io.jenkins.plugins.promotiongates.core.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release's files as JSON, both ways: {@code [{"name", "digest": "sha256:<hex>", "size"}...]}, the form
 * of the manifest, of promotion records and of the steps' results.
 */
public final class ReleaseJson {

    private ReleaseJson() {}

    /** The files of {@code release} as a list of maps, sorted by name. */
    public static List<Object> files(Release release) {
        return files(release.files());
    }

    static List<Object> files(List<ReleaseFile> releaseFiles) {
        List<Object> files = new ArrayList<>();
        for (ReleaseFile file : releaseFiles) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("name", file.name());
            tree.put("digest", file.digest().toString());
            tree.put("size", file.size());
            files.add(tree);
        }
        return files;
    }

    /**
     * The files a JSON array holds.
     *
     * @param what the array's name in messages, such as {@code promotion record.files}
     * @throws IllegalArgumentException naming the element that is missing or malformed
     */
    public static List<ReleaseFile> files(JsonNode array, String what) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException(what + " is not a non-empty list of files");
        }
        List<ReleaseFile> files = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode file = array.get(i);
            String at = what + "[" + i + "]";
            JsonNode name = file.get("name");
            JsonNode digest = file.get("digest");
            JsonNode size = file.get("size");
            if (name == null
                    || !name.isTextual()
                    || digest == null
                    || !digest.isTextual()
                    || size == null
                    || !size.canConvertToLong()) {
                throw new IllegalArgumentException(at + " needs a string name, a string digest and an integer size");
            }
            files.add(new ReleaseFile(
                    name.asText(), ArtifactDigest.parse(digest.asText(), at + ".digest"), size.asLong()));
        }
        return files;
    }
}
