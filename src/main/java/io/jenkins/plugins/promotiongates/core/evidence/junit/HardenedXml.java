package io.jenkins.plugins.promotiongates.core.evidence.junit;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceRefusedException;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's own StAX parser, configured for hostile input: no DTD is processed, no entity is resolved, no
 * external document is fetched. Whoever reads events from it refuses a DTD outright (see
 * {@link #refuseDtd}), so a billion-laughs or XXE document is refused before anything is expanded. The JDK
 * parser is chosen explicitly, not through the service loader, so a StAX implementation elsewhere on the
 * class path (Woodstox, which Jackson and Jenkins bring) cannot change this.
 */
final class HardenedXml {

    private final XMLInputFactory factory;

    HardenedXml() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    /** A reader over {@code bytes}; the encoding comes from the XML declaration (UTF-8 by default). */
    XMLStreamReader open(byte[] bytes) throws XMLStreamException {
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    /** The refusal of a document that declares a DTD or uses an entity. */
    static EvidenceRefusedException refuseDtd(String what) {
        return new EvidenceRefusedException(
                what + " declares a DTD or an entity, which is never processed (billion laughs, XXE)",
                "archive the report as the test runner wrote it: Surefire, Gradle and pytest write no DTD");
    }
}
