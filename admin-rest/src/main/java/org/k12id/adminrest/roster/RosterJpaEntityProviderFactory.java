package org.k12id.adminrest.roster;

import java.util.List;
import java.util.Set;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.k12id.adminrest.persistence.PackTables;
import org.k12id.domain.K12Roles;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.Provider;

/**
 * Adds the roster's tables ({@code K12_ROSTER}, {@code K12_ROSTER_STATE}) to Keycloak's database and keeps the roster
 * exact: the database layer's listeners are registered at start, before any realm is imported; the roster is filled
 * from existing users once the database is migrated; a removed realm or student role takes its rows with it.
 */
public final class RosterJpaEntityProviderFactory extends PackTables {

    public static final String ID = "k12-roster";
    static final String CHANGELOG = "META-INF/k12-roster-changelog.xml";

    public RosterJpaEntityProviderFactory() {
        super(ID, CHANGELOG, List.of(RosterEntity.class, RosterStateEntity.class));
    }

    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(JpaConnectionProvider.class);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            SessionFactoryImplementor database = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                    .getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
            EventListenerRegistry registry = database.getEventListenerRegistry();
            RosterListener listener = new RosterListener();
            registry.appendListeners(EventType.POST_INSERT, listener);
            registry.appendListeners(EventType.POST_UPDATE, listener);
            registry.appendListeners(EventType.POST_DELETE, listener);
            registry.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
            registry.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
            registry.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
        });
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                RosterBuild.runIfAsked(factory);
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            } else if (event instanceof RoleContainerModel.RoleRemovedEvent removed
                    && K12Roles.STUDENT.equals(removed.getRole().getName()) && !removed.getRole().isClientRole()
                    && removed.getRole().getContainer() instanceof RealmModel realm) {
                forgetRealm(removed.getKeycloakSession(), realm.getId());
            }
        });
    }

    /** A realm's rows go with the realm, or with its student role (its users are removed or unmapped in bulk). */
    private static void forgetRealm(KeycloakSession session, String realmId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("delete from RosterEntity r where r.realmId = :realmId").setParameter("realmId", realmId)
                .executeUpdate();
    }
}
