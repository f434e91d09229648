package org.k12id.adminrest.defaultpasswords;

import java.util.List;

import org.jboss.logging.Logger;
import org.k12id.adminrest.http.AdminResourceFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.timer.TimerProvider;

/**
 * Serves {@code /admin/realms/{realm}/k12-default-passwords}, and once the server is up looks regularly for requests
 * whose node stopped (killed, restarted) to take them over ({@link Takeover}: the SPI option
 * {@code --spi-admin-realm-restapi-extension--k12-default-passwords--takeover-seconds}, default 60).
 */
public final class DefaultPasswordsResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "k12-default-passwords";
    private static final Logger LOG = Logger.getLogger(DefaultPasswordsResourceProviderFactory.class);

    /** Read once from the server's configuration, before the first request; never changed after. */
    private Takeover takeover = Takeover.DEFAULT;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new DefaultPasswordsResource(session, realm, auth, adminEvent, takeover);
    }

    @Override
    public void init(Config.Scope config) {
        takeover = Takeover.ofSeconds(config.get(Takeover.OPTION));
        LOG.infof("k12 default passwords: a request whose node is silent for %d s is taken over; nodes look every %.1f s",
                takeover.staleMillis() / 1000, takeover.checkMillis() / 1000.0);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        Takeover configured = takeover;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(s -> RegenerationWorker.resumeAbandoned(s, configured), configured.checkMillis(),
                                "k12-default-passwords-resume"));
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(Takeover.OPTION).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds without a heartbeat after which another node takes over a regeneration request "
                        + "whose node stopped (" + Takeover.MIN_SECONDS + " to " + Takeover.MAX_SECONDS + "). Nodes look "
                        + "for such requests every 15 s, or twice as often as this when it is under 30 s.")
                .defaultValue(String.valueOf(Takeover.DEFAULT_SECONDS)).add()
                .build();
    }
}
