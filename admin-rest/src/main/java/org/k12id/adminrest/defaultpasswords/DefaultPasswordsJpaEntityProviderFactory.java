package org.k12id.adminrest.defaultpasswords;

import java.util.List;

import org.k12id.adminrest.persistence.PackTables;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds the regeneration requests' and the sealed default passwords' tables to Keycloak's database, created and updated
 * by the pack's Liquibase changelog; removed users and realms take their rows ({@link DefaultPasswordCleanup}).
 */
public final class DefaultPasswordsJpaEntityProviderFactory extends PackTables {

    public static final String ID = "k12-default-passwords";
    static final String CHANGELOG = "META-INF/k12-default-passwords-changelog.xml";

    public DefaultPasswordsJpaEntityProviderFactory() {
        super(ID, CHANGELOG, List.of(RegenerationRequestEntity.class, RegenerationTargetEntity.class, DefaultPasswordEntity.class));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new DefaultPasswordCleanup());
    }
}
