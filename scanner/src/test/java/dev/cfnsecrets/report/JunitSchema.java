package dev.cfnsecrets.report;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The Ant JUnit XML schema (Windy Road's JUnit.xsd), a copy in the test resources (its source and
 * licence: src/test/resources/SCHEMAS.md), checked with the JDK's validator.
 */
final class JunitSchema {
    static final String RESOURCE = "/junit-windyroad.xsd";

    private static final Schema SCHEMA = load();

    private JunitSchema() {}

    /**
     * Parses and validates {@code document}.
     *
     * @throws SAXException when it is not well-formed or not valid, saying where and why
     */
    static void validate(String document) throws SAXException, IOException {
        SCHEMA.newValidator().validate(new StreamSource(new StringReader(document)));
    }

    private static Schema load() {
        URL xsd = JunitSchema.class.getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the test class path");
        }
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
