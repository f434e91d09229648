package org.k12id.protocolmappers.roles;

import java.util.List;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.RoleUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The one setting both "K12 District Roles" mappers share, and the roles it picks for a person. */
final class DistrictRolesSetting {

    static final String ROLES = "k12.roles";

    private DistrictRolesSetting() {
    }

    /** The setting as the admin console shows it, with the six district roles as its default. */
    static List<ProviderConfigProperty> property() {
        return ProviderConfigurationBuilder.create()
                .property().name(ROLES).label("District roles")
                .helpText("The realm roles an app may receive, comma-separated. The person's effective roles among "
                        + "them are sent; every other role (default roles, offline_access, client roles) is not.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DistrictRoles.DEFAULT).add()
                .build();
    }

    /** The person's effective realm roles (direct, composite, through groups) among the mapper's setting. */
    static List<String> of(UserModel user, ProtocolMapperModel mapper) {
        List<String> effective = RoleUtils.getDeepUserRoleMappings(user).stream()
                .filter(role -> !role.isClientRole())
                .map(RoleModel::getName)
                .toList();
        return DistrictRoles.of(effective, mapper.getConfig().get(ROLES));
    }
}
