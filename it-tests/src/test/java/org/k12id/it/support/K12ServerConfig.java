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
        // the server's log also goes to a file the tests read (ServerLog: nothing a person typed is in it)
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE);
        return config.option("log-file", ServerLog.FILE.toString())
                // text messages go to the test's stand-in for the carrier (SmsGateway), which tests open on its port
                .spiOption("k12-sms-sender", "http", "url", SmsGateway.URL)
                .spiOption("k12-sms-sender", "http", "preset", "json")
                .spiOption("k12-sms-sender", "http", "token", SmsGateway.TOKEN)
                .spiOption("k12-sms-sender", "http", "from", SmsGateway.FROM)
                .spiOption("k12-sms-sender", "http", "timeout-ms", String.valueOf(SmsGateway.SERVER_TIMEOUT_MS))
                .dependency("org.k12id", "k12id-pack")
                // test only: the database statistics and cache sizes a test reads to see how much work a view did
                .dependency("org.k12id", "k12id-it-providers");
    }
}
