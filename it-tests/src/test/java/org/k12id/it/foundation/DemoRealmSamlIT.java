package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** An SP-initiated login of {@code username} through the identifier-first pages; the posted SAML response. */
    private Document samlLogin(String username) throws Exception {
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
                username, DemoRealm.PASSWORD);

        assertEquals(200, answer.status(), answer.body());
        Element form = answer.form("form");
        assertEquals(DemoRealm.SAML_APP_ACS, form.attr("action"));
        assertEquals("k12-relay", form.selectFirst("input[name=RelayState]").val());
        String samlResponse = form.selectFirst("input[name=SAMLResponse]").val();
        Document xml = parse(Base64.getMimeDecoder().decode(samlResponse));
        assertEquals("urn:oasis:names:tc:SAML:2.0:status:Success",
                ((org.w3c.dom.Element) xml.getElementsByTagNameNS(PROTOCOL, "StatusCode").item(0)).getAttribute("Value"));
        assertTrue(xml.getElementsByTagNameNS(DSIG, "Signature").getLength() > 0, "the response is signed");
        return xml;
    }

    private static org.w3c.dom.Element nameId(Document xml) {
        return (org.w3c.dom.Element) xml.getElementsByTagNameNS(ASSERTION, "NameID").item(0);
    }

    @Test
    @DisplayName("an SP-initiated login through the identifier-first pages posts a signed assertion with the district attributes")
    void samlLoginCarriesDistrictAttributes() throws Exception {
        Document xml = samlLogin("t.jones");
        Map<String, List<String>> attributes = attributes(xml);
        assertEquals(List.of("920"), attributes.get("psuCode"));
        assertEquals(List.of("920304"), attributes.get("schoolCode"));
        assertEquals(List.of("t.jones"), attributes.get("username"));
        assertEquals(List.of("92000103"), attributes.get("staffId"));
        assertEquals(List.of("password"), attributes.get("k12_login_method"));
        attributes.keySet().forEach(name -> assertFalse(name.toLowerCase().contains("birth"), "attribute " + name));
        assertFalse(xml.getDocumentElement().getTextContent().contains("19850315"), "no birthdate in the assertion");
    }

    @Test
    @DisplayName("roles are one multi-valued Role attribute with the district roles only, the same set as OIDC roles")
    void rolesAsOneAttribute() throws Exception {
        Document xml = samlLogin("t.jones");
        NodeList nodes = xml.getElementsByTagNameNS(ASSERTION, "Attribute");
        int roleAttributes = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            roleAttributes += "Role".equals(((org.w3c.dom.Element) nodes.item(i)).getAttribute("Name")) ? 1 : 0;
        }
        assertEquals(1, roleAttributes, "one Role attribute, not one per role");
        assertEquals(List.of("employee", "teacher"), attributes(xml).get("Role"));
        assertEquals(List.of("student"), attributes(samlLogin("9000000013")).get("Role"));
    }

    @Test
    @DisplayName("the NameID is persistent: not the username, and the same at every login")
    void persistentNameId() throws Exception {
        org.w3c.dom.Element first = nameId(samlLogin("9000000013"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", first.getAttribute("Format"));
        assertFalse(first.getTextContent().contains("9000000013"), first.getTextContent());
        assertTrue(first.getTextContent().length() >= 16, first.getTextContent());
        assertEquals(first.getTextContent(), nameId(samlLogin("9000000013")).getTextContent());
        assertFalse(first.getTextContent().equals(nameId(samlLogin("t.jones")).getTextContent()));
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
