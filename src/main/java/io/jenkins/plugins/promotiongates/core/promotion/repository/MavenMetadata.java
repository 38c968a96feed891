package io.jenkins.plugins.promotiongates.core.promotion.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An artifact's {@code maven-metadata.xml} (groupId/artifactId level): the versions Maven clients see when
 * they resolve a range, {@code LATEST} or {@code RELEASE}. Read from the server with a streaming parser that
 * refuses DOCTYPEs and external entities; written anew with the versions it had plus the promoted one, which
 * becomes {@code latest} and {@code release}, as {@code mvn deploy} does: the last version promoted.
 */
final class MavenMetadata {

    private static final DateTimeFormatter LAST_UPDATED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final List<String> versions;

    private MavenMetadata(List<String> versions) {
        this.versions = versions;
    }

    /** No metadata yet. */
    static MavenMetadata empty() {
        return new MavenMetadata(new ArrayList<>());
    }

    /**
     * @param where the metadata's URL, for messages
     * @throws IOException naming {@code where} if the bytes are not Maven metadata of this artifact
     */
    static MavenMetadata parse(byte[] xml, String groupId, String artifactId, String where) throws IOException {
        List<String> versions = new ArrayList<>();
        Map<String, String> identity = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        path.push(reader.getLocalName());
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("a DOCTYPE or entity, which Maven metadata never has");
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = path.pop();
                        String parent = path.peek();
                        if (name.equals("version") && "versions".equals(parent)) {
                            versions.add(text.toString().trim());
                        } else if ("metadata".equals(parent) && path.size() == 1) {
                            identity.put(name, text.toString().trim());
                        } else if (path.isEmpty() && !name.equals("metadata")) {
                            identity.put("root", name);
                        }
                        text.setLength(0);
                    }
                    default -> {
                        // comments, whitespace, the declaration
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(where + " is not well-formed XML without a DOCTYPE (" + e.getMessage() + ")", e);
        }
        String group = identity.getOrDefault("groupId", groupId);
        String artifact = identity.getOrDefault("artifactId", artifactId);
        if (identity.containsKey("root") || !group.equals(groupId) || !artifact.equals(artifactId)) {
            throw new IOException(where + " is not the Maven metadata of " + groupId + ":" + artifactId + " (it"
                    + " names " + group + ":" + artifact
                    + (identity.containsKey("root") ? ", under <" + identity.get("root") + ">" : "") + ")");
        }
        return new MavenMetadata(versions);
    }

    List<String> versions() {
        return List.copyOf(versions);
    }

    boolean lists(String version) {
        return versions.contains(version);
    }

    /** The metadata with {@code version} added as the latest release, updated at {@code now}. */
    byte[] withVersion(String groupId, String artifactId, String version, Instant now) {
        List<String> all = new ArrayList<>(versions);
        all.remove(version);
        all.add(version);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n");
        xml.append("  <groupId>").append(escape(groupId)).append("</groupId>\n");
        xml.append("  <artifactId>").append(escape(artifactId)).append("</artifactId>\n");
        xml.append("  <versioning>\n");
        xml.append("    <latest>").append(escape(version)).append("</latest>\n");
        xml.append("    <release>").append(escape(version)).append("</release>\n");
        xml.append("    <versions>\n");
        for (String v : all) {
            xml.append("      <version>").append(escape(v)).append("</version>\n");
        }
        xml.append("    </versions>\n");
        xml.append("    <lastUpdated>").append(LAST_UPDATED.format(now)).append("</lastUpdated>\n");
        xml.append("  </versioning>\n</metadata>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A StAX parser that refuses DOCTYPEs (so no entity is ever expanded) and external entities. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
