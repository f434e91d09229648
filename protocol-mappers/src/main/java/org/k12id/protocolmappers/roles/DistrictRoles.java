package org.k12id.protocolmappers.roles;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.k12id.domain.K12Roles;

/**
 * The roles an app receives: the person's effective realm roles (held directly, through a composite such as
 * {@code teacher}, or through a group) that are among the district's roles, in {@link K12Roles#ALL}'s order. Keycloak's
 * own roles (default roles, {@code offline_access}, client roles such as {@code manage-account}) never go out, so an
 * OIDC app's {@code roles} claim and a SAML app's {@code Role} attribute carry the same set.
 */
public final class DistrictRoles {

    /** The config's default: the six roles of docs/data-model.md, comma-separated. */
    public static final String DEFAULT = String.join(",", K12Roles.ALL);

    private DistrictRoles() {
    }

    /**
     * @param effective the names of the person's effective realm roles
     * @param config    the roles to send, comma-separated ({@code null} or blank: {@link #DEFAULT})
     */
    public static List<String> of(Collection<String> effective, String config) {
        List<String> wanted = wanted(config);
        Set<String> held = Set.copyOf(effective);
        return wanted.stream().filter(held::contains).toList();
    }

    static List<String> wanted(String config) {
        String list = config == null || config.isBlank() ? DEFAULT : config;
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
