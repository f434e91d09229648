package org.k12id.authenticators;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The base of the pack's steps that need nothing set up: set up for everyone, no required action to ask for, nothing
 * to close; a step without a form of its own runs again when its page is posted.
 */
public abstract class PlainStep implements Authenticator {

    /** A post to the step's page (or a reload) runs the step again, unless the step has a form of its own. */
    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
