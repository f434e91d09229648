package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.PackContents;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given stock Keycloak 26.7.0 with the pack JAR in providers/")
class PackRegistrationIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("every provider factory class in the pack is registered with the server, under its SPI and id")
    void everyFactoryIsRegistered() throws Exception {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        for (PackContents.Factory factory : PackContents.factories()) {
            SpiInfoRepresentation spi = info.getProviders().get(factory.spi());
            assertNotNull(spi, () -> "SPI " + factory.spi() + " unknown to the server");
            ProviderRepresentation provider = spi.getProviders().get(factory.id());
            assertNotNull(provider, () -> factory.className() + " (" + factory.spi() + "/" + factory.id()
                    + ") is in the pack but not registered by the server");
        }
    }

    @Test
    @DisplayName("every provider factory class of the pack is declared in a services file, and nothing else is")
    void everyFactoryIsDeclared() throws Exception {
        List<String> classes = PackContents.factories().stream().map(PackContents.Factory::className).sorted().toList();
        List<String> declared = PackContents.declaredFactories().stream().sorted().toList();
        assertEquals(classes, declared);
    }

    @Test
    @DisplayName("every provider id of the pack carries the k12- prefix, but in the pack's own SPIs (named k12-...)")
    void providerIdsArePrefixed() throws Exception {
        for (PackContents.Factory factory : PackContents.factories()) {
            // in an SPI of the pack (k12-sms-sender) the prefix is the SPI's: its provider is "http", its options
            // --spi-k12-sms-sender--http--*
            assertTrue(factory.id().startsWith("k12-") || factory.spi().startsWith("k12-"),
                    () -> factory.className() + " has id " + factory.id());
        }
    }

    @Test
    @DisplayName("the k12 login theme is registered")
    void loginThemeIsRegistered() {
        List<ThemeInfoRepresentation> login = admin.serverInfo().getInfo().getThemes().get("login");
        assertTrue(login.stream().anyMatch(t -> t.getName().equals("k12")), "login themes: " + login);
        ThemeInfoRepresentation k12 = login.stream().filter(t -> t.getName().equals("k12")).findFirst().orElseThrow();
        assertTrue(List.of(k12.getLocales()).containsAll(List.of("en", "es")), "k12 locales: " + List.of(k12.getLocales()));
    }

    @Test
    @DisplayName("the JAR bundles no Keycloak, Jackson or ZXing classes, which the server already has")
    void bundlesNothingTheServerShips() throws Exception {
        List<String> clashing = PackContents.entries().stream()
                .filter(e -> e.startsWith("org/keycloak/") || e.startsWith("com/fasterxml/")
                        || e.startsWith("com/google/zxing/") || e.startsWith("org/bouncycastle/")
                        || e.startsWith("org/apache/commons/logging/"))
                .toList();
        assertEquals(List.of(), clashing);
    }
}
