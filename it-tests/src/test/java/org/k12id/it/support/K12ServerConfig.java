package org.k12id.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of the suite: stock Keycloak with the pack's single JAR in providers/. Every IT class
 * names this config, so the test framework starts the server once and every class shares it.
 */
public final class K12ServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("org.k12id", "k12id-pack")
                // test only: the database statistics and cache sizes a test reads to see how much work a view did
                .dependency("org.k12id", "k12id-it-providers");
    }
}
