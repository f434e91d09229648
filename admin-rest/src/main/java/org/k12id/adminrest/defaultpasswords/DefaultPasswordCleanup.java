package org.k12id.adminrest.defaultpasswords;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Default passwords go with their student, and with their realm (as do a removed realm's targeted students), in the
 * same transaction as the removal.
 */
final class DefaultPasswordCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            new DefaultPasswordStore(removed.getKeycloakSession()).remove(removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new DefaultPasswordStore(removed.getKeycloakSession()).removeRealm(removed.getRealm().getId());
            TargetedStudents.forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
        }
    }
}
