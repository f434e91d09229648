package org.k12id.authenticators.badge;

import org.k12id.authenticators.AuthNotes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** True unless this login used a badge: guards the password step, which a badge login skips. */
final class NotBadgeLoginCondition implements ConditionalAuthenticator {

    static final NotBadgeLoginCondition INSTANCE = new NotBadgeLoginCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return !"true".equals(context.getAuthenticationSession().getAuthNote(AuthNotes.BADGE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
