package org.k12id.requiredactions;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * The base of the pack's set-up actions that run only when asked: by a sign-in step, by an administrator (the user's
 * required actions) or by the person from the account console ({@code kc_action}, with Cancel); never on their own.
 */
public abstract class AskedSetupAction implements RequiredActionProvider {

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // never on its own
    }

    @Override
    public void close() {
    }
}
