package org.k12id.adminrest.defaultpasswords;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the regeneration requests' and the sealed default passwords' tables to Keycloak's database, created and updated by the pack's Liquibase changelog. */
public final class DefaultPasswordsJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "k12-default-passwords";
    static final String CHANGELOG = "META-INF/k12-default-passwords-changelog.xml";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(RegenerationRequestEntity.class, RegenerationTargetEntity.class, DefaultPasswordEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new DefaultPasswordCleanup());
    }

    @Override
    public void close() {
    }
}
