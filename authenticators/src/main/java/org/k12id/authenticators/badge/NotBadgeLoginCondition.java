package org.k12id.authenticators.badge;

import org.k12id.authenticators.AuthNotes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * True unless this login used a badge or claimed the account: guards the password step, which a badge login skips, and
 * which a claim skips because the claim's required action makes the person choose a password.
 */
final class NotBadgeLoginCondition implements ConditionalAuthenticator {

    static final NotBadgeLoginCondition INSTANCE = new NotBadgeLoginCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return !"true".equals(context.getAuthenticationSession().getAuthNote(AuthNotes.BADGE))
                && !"true".equals(context.getAuthenticationSession().getAuthNote(AuthNotes.CLAIM));
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
