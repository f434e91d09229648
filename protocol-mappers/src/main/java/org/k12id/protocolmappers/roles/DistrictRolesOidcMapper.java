package org.k12id.protocolmappers.roles;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * "K12 District Roles" for OIDC apps: the claim (default {@code roles}) with the person's district roles only, as a
 * JSON array; see {@link DistrictRoles}. Its SAML twin is {@link DistrictRolesSamlMapper}.
 */
public final class DistrictRolesOidcMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "k12-district-roles-oidc-mapper";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>(DistrictRolesSetting.property());
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, DistrictRolesOidcMapper.class);
        properties.stream().filter(p -> OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME.equals(p.getName()))
                .forEach(p -> p.setDefaultValue("roles"));
        return List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "K12 District Roles";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The person's district roles (student, employee, teacher, guardian, lea-administrator, lea-data-auditor) "
                + "as one multi-valued claim: the same set the SAML mapper sends as Role.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        List<String> roles = DistrictRolesSetting.of(userSession.getUser(), mappingModel);
        ProtocolMapperModel asList = new ProtocolMapperModel(); // always an array of strings, whatever the config says
        asList.setName(mappingModel.getName());
        asList.setProtocolMapper(mappingModel.getProtocolMapper());
        asList.setConfig(new java.util.HashMap<>(mappingModel.getConfig()));
        asList.getConfig().put(ProtocolMapperUtils.MULTIVALUED, "true");
        asList.getConfig().put(OIDCAttributeMapperHelper.JSON_TYPE, "String");
        OIDCAttributeMapperHelper.mapClaim(token, asList, roles);
    }
}
