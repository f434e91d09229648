package org.k12id.authenticators.badge;

import java.util.List;
import java.util.Map;

import org.k12id.domain.GradeLevel;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The badge login's settings in the flow (Authentication, the flow, the step's gear icon), with safe defaults. */
public record BadgeConfig(BadgeEligibility eligibility, boolean voidOnPasswordChange) {

    public static final String FIRST_GRADE = "k12.badge.firstGrade";
    public static final String LAST_GRADE = "k12.badge.lastGrade";
    public static final String VOID_ON_PASSWORD_CHANGE = "k12.badge.voidOnPasswordChange";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(FIRST_GRADE).label("First eligible grade")
            .helpText("Lowest grade code that may sign in with a badge (PreK variants are negative: -3 is PreK 3).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(GradeLevel.PREK5_FIRST)).add()
            .property().name(LAST_GRADE).label("Last eligible grade")
            .helpText("Highest grade code that may sign in with a badge (5 is fifth grade).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(GradeLevel.PREK5_LAST)).add()
            .property().name(VOID_ON_PASSWORD_CHANGE).label("Void badges when the password changes")
            .helpText("When on, a badge stops working once the student's password changes after it was issued "
                    + "(the state service's behaviour). Off by default: a badge carries its own secret.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .build();

    public static BadgeConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        // an unreadable bound allows nobody (fail closed): no grade lies at or above MAX_VALUE, or at or below MIN_VALUE
        int first = grade(config.get(FIRST_GRADE), GradeLevel.PREK5_FIRST, Integer.MAX_VALUE);
        int last = grade(config.get(LAST_GRADE), GradeLevel.PREK5_LAST, Integer.MIN_VALUE);
        return new BadgeConfig(new BadgeEligibility(first, last), Boolean.parseBoolean(config.get(VOID_ON_PASSWORD_CHANGE)));
    }

    /**
     * The settings of the realm's badge login: the "Username or Student Badge" step of the realm's browser flow (its
     * sub-flows included), or the defaults when the flow has none. Printing follows the same rules as the login.
     */
    public static BadgeConfig forRealm(RealmModel realm) {
        return of(stepConfig(realm));
    }

    /**
     * The settings of the "Username, Student Badge or Claim" step of the realm's browser flow (its sub-flows
     * included), or null when the flow has no such step or it has no settings.
     */
    public static AuthenticatorConfigModel stepConfig(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        AuthenticationExecutionModel step = browser == null ? null : findStep(realm, browser.getId(), 0);
        return step == null || step.getAuthenticatorConfig() == null ? null
                : realm.getAuthenticatorConfigById(step.getAuthenticatorConfig());
    }

    private static AuthenticationExecutionModel findStep(RealmModel realm, String flowId, int depth) {
        if (depth > 10) {
            return null;
        }
        for (AuthenticationExecutionModel execution : realm.getAuthenticationExecutionsStream(flowId).toList()) {
            if (UsernameOrBadgeFormFactory.ID.equals(execution.getAuthenticator())) {
                return execution;
            }
            if (execution.isAuthenticatorFlow()) {
                AuthenticationExecutionModel found = findStep(realm, execution.getFlowId(), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * A configured grade, or the default when unset; an invalid one (or "ungraded", -9, which is no bound) gives
     * {@code closed}, a bound that allows nobody.
     */
    private static int grade(String value, int defaultValue, int closed) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return GradeLevel.parse(value.trim()).filter(grade -> grade != GradeLevel.UNGRADED).orElse(closed);
    }
}
