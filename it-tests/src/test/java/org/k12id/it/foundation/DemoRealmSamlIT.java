package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the demo district's SAML app")
class DemoRealmSamlIT {

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    @DisplayName("an SP-initiated login through the identifier-first pages posts a signed assertion with the district attributes")
    void samlLoginCarriesDistrictAttributes() throws Exception {
        String endpoint = realm.getBaseUrl() + "/protocol/saml";
        String request = "<samlp:AuthnRequest xmlns:samlp=\"" + PROTOCOL + "\" xmlns:saml=\"" + ASSERTION + "\""
                + " ID=\"_" + UUID.randomUUID() + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\""
                + " Destination=\"" + endpoint + "\" AssertionConsumerServiceURL=\"" + DemoRealm.SAML_APP_ACS + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + DemoRealm.SAML_APP + "</saml:Issuer></samlp:AuthnRequest>";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("SAMLRequest", deflateBase64(request));
        query.put("RelayState", "k12-relay");

        Browser browser = new Browser();
        Browser.Page answer = IdentifierFirst.login(browser, browser.get(endpoint + "?" + Browser.encode(query)),
                "t.jones", DemoRealm.PASSWORD);

        assertEquals(200, answer.status(), answer.body());
        Element form = answer.form("form");
        assertEquals(DemoRealm.SAML_APP_ACS, form.attr("action"));
        assertEquals("k12-relay", form.selectFirst("input[name=RelayState]").val());
        String samlResponse = form.selectFirst("input[name=SAMLResponse]").val();
        Document xml = parse(Base64.getMimeDecoder().decode(samlResponse));

        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success",
                ((org.w3c.dom.Element) xml.getElementsByTagNameNS(PROTOCOL, "StatusCode").item(0)).getAttribute("Value"));
        assertTrue(xml.getElementsByTagNameNS(DSIG, "Signature").getLength() > 0, "the response is signed");
        assertEquals("t.jones", xml.getElementsByTagNameNS(ASSERTION, "NameID").item(0).getTextContent());

        Map<String, List<String>> attributes = attributes(xml);
        assertEquals(List.of("920"), attributes.get("psuCode"));
        assertEquals(List.of("920304"), attributes.get("schoolCode"));
        assertNotNull(attributes.get("Role"), "attributes: " + attributes);
        assertTrue(attributes.get("Role").containsAll(List.of("teacher", "employee")), "roles: " + attributes.get("Role"));
    }

    private static Map<String, List<String>> attributes(Document xml) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        NodeList nodes = xml.getElementsByTagNameNS(ASSERTION, "Attribute");
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element attribute = (org.w3c.dom.Element) nodes.item(i);
            NodeList values = attribute.getElementsByTagNameNS(ASSERTION, "AttributeValue");
            List<String> list = attributes.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>());
            for (int v = 0; v < values.getLength(); v++) {
                list.add(values.item(v).getTextContent());
            }
        }
        return attributes;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String deflateBase64(String xml) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
