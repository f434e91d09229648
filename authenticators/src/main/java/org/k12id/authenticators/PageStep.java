package org.k12id.authenticators;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The base of the pack's steps that show a page and may run before anyone is known ("I'm not a robot", challenge
 * questions): they need no user, are set up for everyone, ask for no required action and hold nothing to close.
 */
public abstract class PageStep extends PlainStep {

    /**
     * Makes the page show the name the person typed (with "Start Over"), whether or not it names an account. Keycloak
     * shows it only once an account is known, which on a page after "Choose User" in "Forgot my password" would tell
     * that the account exists; with {@code USERNAME_HIDDEN} it shows the typed name for every name alike.
     */
    protected static void showTypedName(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME) != null) {
            authSession.setAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN, "true");
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
