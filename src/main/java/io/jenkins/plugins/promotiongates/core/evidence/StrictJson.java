package io.jenkins.plugins.promotiongates.core.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads an evidence file as a JSON tree, strictly and within limits: nesting deeper than the limit,
 * duplicate keys, trailing data, over-long strings and numbers are refused with a message naming the file
 * and the reason. No type information is ever taken from the input (a plain tree, no default typing).
 */
public final class StrictJson {

    /** Longest string value accepted: 4 MiB, far above any licence text or SARIF message. */
    static final int MAX_STRING = 4 * 1024 * 1024;

    private final ObjectMapper mapper;
    private final int maxDepth;

    public StrictJson(EvidenceLimits limits) {
        this.maxDepth = limits.maxDepth();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(100)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * The tree of {@code bytes}, which must be a JSON object.
     *
     * @param what the file, for messages, such as {@code the SBOM 'bom.json'}
     * @throws EvidenceRefusedException naming the file, the reason and the remedy
     */
    public JsonNode readObject(byte[] bytes, String what) throws EvidenceRefusedException {
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new EvidenceRefusedException(
                    what + " exceeds a reading limit (nesting at most " + maxDepth + " levels, strings at most "
                            + MAX_STRING + " characters): " + firstLine(e.getOriginalMessage()),
                    "produce it with its generator's standard output; nothing that deep or that long is needed");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new EvidenceRefusedException(
                    what + " is not valid JSON: " + firstLine(e.getOriginalMessage()) + where,
                    "produce it with its generator's JSON output and archive it unchanged");
        } catch (IOException e) {
            throw new EvidenceRefusedException(what + " could not be read: " + e.getMessage(), "archive it again");
        }
        if (tree == null || !tree.isObject()) {
            throw new EvidenceRefusedException(
                    what + " is not a JSON object", "produce it with its generator's JSON output");
        }
        return tree;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
