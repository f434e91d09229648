package org.k12id.it.support;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** Sets a realm's password policy through the admin REST API, as the admin console does. */
public final class PasswordPolicies {

    private PasswordPolicies() {
    }

    public static String get(RealmResource realm) {
        return realm.toRepresentation().getPasswordPolicy();
    }

    public static void set(RealmResource realm, String policy) {
        RealmRepresentation rep = realm.toRepresentation();
        rep.setPasswordPolicy(policy);
        realm.update(rep);
    }
}
