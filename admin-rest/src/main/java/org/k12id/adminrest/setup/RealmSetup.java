package org.k12id.adminrest.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.util.JsonSerialization;

/**
 * The pack's setup of a district's realm ({@code k12-setup/k12-setup-realm.json}, the demo realm without its people,
 * apps and secrets), applied to an existing realm: the realm roles, the district attributes of the user profile (email
 * optional: students have none), the {@code k12-district} client scopes, the {@code k12 browser} flow and its step
 * settings (bound as the browser flow), the {@code k12 reset credentials} flow ("Forgot my password" with challenge
 * questions, bound and turned on), the pack's required actions registered and on (claim, challenge questions, expired
 * password by role), the event listener that emails a person whose password changed, the {@code k12-portal} client, the {@code k12} login theme, the state's password policy, brute-force protection and
 * English and Spanish. What is there already is left as it is (a district's own roles, scopes, flows, clients and
 * attributes are never removed or renamed), so applying it twice changes nothing the second time. Each change is
 * named in the answer.
 */
public final class RealmSetup {

    static final String RESOURCE = "k12-setup/k12-setup-realm.json";
    static final String PROFILE_COMPONENT = "org.keycloak.userprofile.UserProfileProvider";
    static final String PROFILE_CONFIG = "kc.user.profile.config";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmRepresentation setup;
    private final List<String> changes = new ArrayList<>();

    public RealmSetup(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.setup = load();
    }

    /** The setup as shipped in the pack. */
    static RealmRepresentation load() {
        try (InputStream in = RealmSetup.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the pack's realm setup is missing: " + RESOURCE);
            }
            return JsonSerialization.readValue(in, RealmRepresentation.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Applies the setup; what it changed, in words (empty when the realm had it all). */
    public List<String> apply() {
        roles();
        userProfile();
        clientScopes();
        flows();
        requiredActions();
        clients();
        settings();
        return List.copyOf(changes);
    }

    private void roles() {
        for (RoleRepresentation role : setup.getRoles().getRealm()) {
            if (realm.getRole(role.getName()) == null) {
                RoleModel added = realm.addRole(role.getName());
                added.setDescription(role.getDescription());
                changes.add("realm role " + role.getName() + " added");
            }
        }
    }

    private void userProfile() {
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPConfig current = profiles.getConfiguration();
        UPConfig wanted;
        try {
            wanted = JsonSerialization.readValue(setup.getComponents().getFirst(PROFILE_COMPONENT).getConfig().getFirst(PROFILE_CONFIG),
                    UPConfig.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        boolean changed = false;
        for (UPGroup group : wanted.getGroups()) {
            if (current.getGroups().stream().noneMatch(g -> g.getName().equals(group.getName()))) {
                current.addGroup(group);
                changes.add("user profile group " + group.getName() + " added");
                changed = true;
            }
        }
        for (UPAttribute attribute : wanted.getAttributes()) {
            UPAttribute present = current.getAttribute(attribute.getName());
            if (present == null) {
                current.addOrReplaceAttribute(attribute);
                changes.add("user profile attribute " + attribute.getName() + " added");
                changed = true;
            } else if (attribute.getRequired() == null && present.getRequired() != null
                    && "email".equals(attribute.getName())) {
                // students have no email: stock Keycloak requires one of every user
                present.setRequired(null);
                changes.add("user profile attribute email made optional");
                changed = true;
            }
        }
        if (changed) {
            profiles.setConfiguration(current);
        }
    }

    private void clientScopes() {
        for (ClientScopeRepresentation scope : setup.getClientScopes()) {
            if (KeycloakModelUtils.getClientScopeByName(realm, scope.getName()) == null) {
                RepresentationToModel.createClientScope(realm, scope);
                changes.add("client scope " + scope.getName() + " added");
            }
        }
    }

    private void flows() {
        Map<String, AuthenticationFlowRepresentation> byAlias = new HashMap<>();
        setup.getAuthenticationFlows().forEach(flow -> byAlias.put(flow.getAlias(), flow));
        for (AuthenticatorConfigRepresentation config : setup.getAuthenticatorConfig()) {
            if (realm.getAuthenticatorConfigByAlias(config.getAlias()) == null) {
                realm.addAuthenticatorConfig(RepresentationToModel.toModel(config));
                changes.add("step settings " + config.getAlias() + " added");
            }
        }
        for (AuthenticationFlowRepresentation flow : setup.getAuthenticationFlows()) {
            if (flow.isTopLevel() && realm.getFlowByAlias(flow.getAlias()) == null) {
                addFlow(flow, null, byAlias);
            }
        }
        AuthenticationFlowModel browser = realm.getFlowByAlias(setup.getBrowserFlow());
        if (browser != null && (realm.getBrowserFlow() == null || !browser.getId().equals(realm.getBrowserFlow().getId()))) {
            realm.setBrowserFlow(browser);
            changes.add("browser flow bound to " + setup.getBrowserFlow());
        }
        AuthenticationFlowModel reset = setup.getResetCredentialsFlow() == null ? null : realm.getFlowByAlias(setup.getResetCredentialsFlow());
        if (reset != null && (realm.getResetCredentialsFlow() == null || !reset.getId().equals(realm.getResetCredentialsFlow().getId()))) {
            realm.setResetCredentialsFlow(reset);
            changes.add("reset credentials flow bound to " + setup.getResetCredentialsFlow());
        }
    }

    /** A flow and, depth first, its steps and sub-flows; a sub-flow's parent is {@code parentId}. */
    private AuthenticationFlowModel addFlow(AuthenticationFlowRepresentation flow, String parentId,
                                            Map<String, AuthenticationFlowRepresentation> byAlias) {
        AuthenticationFlowModel model = RepresentationToModel.toModel(flow);
        model.setId(null);
        model.setBuiltIn(false);
        model = realm.addAuthenticationFlow(model);
        if (parentId == null) {
            changes.add("flow " + flow.getAlias() + " added");
        }
        int priority = 10;
        for (AuthenticationExecutionExportRepresentation step : flow.getAuthenticationExecutions()) {
            AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
            execution.setParentFlow(model.getId());
            execution.setRequirement(AuthenticationExecutionModel.Requirement.valueOf(step.getRequirement()));
            execution.setPriority(step.getPriority() == 0 ? priority : step.getPriority());
            priority += 10;
            if (step.isAuthenticatorFlow()) {
                AuthenticationFlowModel sub = addFlow(byAlias.get(step.getFlowAlias()), model.getId(), byAlias);
                execution.setAuthenticatorFlow(true);
                execution.setFlowId(sub.getId());
            } else {
                execution.setAuthenticator(step.getAuthenticator());
            }
            if (step.getAuthenticatorConfig() != null) {
                AuthenticatorConfigModel config = realm.getAuthenticatorConfigByAlias(step.getAuthenticatorConfig());
                execution.setAuthenticatorConfig(config == null ? null : config.getId());
            }
            realm.addAuthenticatorExecution(execution);
        }
        return model;
    }

    private void requiredActions() {
        for (RequiredActionProviderRepresentation action : setup.getRequiredActions()) {
            RequiredActionProviderModel present = realm.getRequiredActionProviderByAlias(action.getAlias());
            if (present == null) {
                RequiredActionProviderModel model = new RequiredActionProviderModel();
                model.setAlias(action.getAlias());
                model.setName(action.getName());
                model.setProviderId(action.getProviderId());
                model.setEnabled(true);
                model.setDefaultAction(false);
                model.setPriority(action.getPriority());
                model.setConfig(action.getConfig() == null ? Map.of() : action.getConfig());
                realm.addRequiredActionProvider(model);
                changes.add("required action " + action.getAlias() + " registered");
            } else if (!present.isEnabled()) {
                present.setEnabled(true);
                realm.updateRequiredActionProvider(present);
                changes.add("required action " + action.getAlias() + " enabled");
            }
        }
    }

    private void clients() {
        for (ClientRepresentation client : setup.getClients()) {
            if (realm.getClientByClientId(client.getClientId()) == null) {
                ClientRepresentation forRealm = JsonSerialization.mapper.convertValue(client, ClientRepresentation.class);
                String path = "/realms/" + realm.getName() + "/";
                forRealm.setBaseUrl(forRealm.getBaseUrl().replace("/realms/{realm}/", path));
                forRealm.setDescription(forRealm.getDescription().replace("/realms/{realm}/", path));
                forRealm.setRedirectUris(forRealm.getRedirectUris().stream().map(uri -> uri.replace("/realms/{realm}/", path)).toList());
                ClientManager.createClient(session, realm, forRealm);
                changes.add("client " + client.getClientId() + " added");
            }
        }
    }

    private void settings() {
        if (!Objects.equals(realm.getLoginTheme(), setup.getLoginTheme())) {
            realm.setLoginTheme(setup.getLoginTheme());
            changes.add("login theme set to " + setup.getLoginTheme());
        }
        if (setup.getEmailTheme() != null && !Objects.equals(realm.getEmailTheme(), setup.getEmailTheme())) {
            realm.setEmailTheme(setup.getEmailTheme());
            changes.add("email theme set to " + setup.getEmailTheme());
        }
        String policy = realm.getPasswordPolicy() == null ? null : realm.getPasswordPolicy().toString();
        if (!Objects.equals(policy, setup.getPasswordPolicy())) {
            realm.setPasswordPolicy(PasswordPolicy.parse(session, setup.getPasswordPolicy()));
            changes.add("password policy set to the state's rules");
        }
        bruteForce();
        if (Boolean.TRUE.equals(setup.isResetPasswordAllowed()) && !realm.isResetPasswordAllowed()) {
            realm.setResetPasswordAllowed(true);
            changes.add("Forgot my password on");
        }
        Set<String> listeners = new LinkedHashSet<>(realm.getEventsListenersStream().toList());
        if (setup.getEventsListeners() != null && listeners.addAll(setup.getEventsListeners())) {
            realm.setEventsListeners(listeners);
            changes.add("event listeners now " + String.join(", ", listeners));
        }
        if (!realm.isInternationalizationEnabled()) {
            realm.setInternationalizationEnabled(true);
            changes.add("internationalization on");
        }
        Set<String> locales = new LinkedHashSet<>(realm.getSupportedLocalesStream().toList());
        if (locales.addAll(setup.getSupportedLocales())) {
            realm.setSupportedLocales(locales);
            changes.add("supported languages now " + String.join(", ", locales));
        }
        if (realm.getDefaultLocale() == null || !locales.contains(realm.getDefaultLocale())) {
            realm.setDefaultLocale(setup.getDefaultLocale());
            changes.add("default language " + setup.getDefaultLocale());
        }
    }

    private void bruteForce() {
        boolean changed = false;
        if (realm.isBruteForceProtected() != Boolean.TRUE.equals(setup.isBruteForceProtected())) {
            realm.setBruteForceProtected(Boolean.TRUE.equals(setup.isBruteForceProtected()));
            changed = true;
        }
        if (realm.isPermanentLockout() != Boolean.TRUE.equals(setup.isPermanentLockout())) {
            realm.setPermanentLockout(Boolean.TRUE.equals(setup.isPermanentLockout()));
            changed = true;
        }
        changed |= set(realm.getFailureFactor(), setup.getFailureFactor(), realm::setFailureFactor);
        changed |= set(realm.getMaxFailureWaitSeconds(), setup.getMaxFailureWaitSeconds(), realm::setMaxFailureWaitSeconds);
        changed |= set(realm.getMinimumQuickLoginWaitSeconds(), setup.getMinimumQuickLoginWaitSeconds(),
                realm::setMinimumQuickLoginWaitSeconds);
        changed |= set(realm.getWaitIncrementSeconds(), setup.getWaitIncrementSeconds(), realm::setWaitIncrementSeconds);
        changed |= set((int) realm.getQuickLoginCheckMilliSeconds(), setup.getQuickLoginCheckMilliSeconds() == null ? null
                : setup.getQuickLoginCheckMilliSeconds().intValue(), value -> realm.setQuickLoginCheckMilliSeconds(value));
        changed |= set(realm.getMaxDeltaTimeSeconds(), setup.getMaxDeltaTimeSeconds(), realm::setMaxDeltaTimeSeconds);
        if (changed) {
            changes.add("brute-force protection set (" + setup.getFailureFactor() + " failures, waits up to "
                    + setup.getMaxFailureWaitSeconds() + " s)");
        }
    }

    /** Sets a number the setup gives when the realm's differs; whether it did. */
    private static boolean set(int current, Integer wanted, IntConsumer setter) {
        if (wanted == null || current == wanted) {
            return false;
        }
        setter.accept(wanted);
        return true;
    }
}
