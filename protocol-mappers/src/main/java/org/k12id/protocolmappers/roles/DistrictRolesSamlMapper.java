package org.k12id.protocolmappers.roles;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "K12 District Roles" for SAML apps: one {@code <Attribute>} (default name {@code Role}) with a value per district
 * role, the same set the OIDC mapper sends as {@code roles}; see {@link DistrictRoles}. Unlike Keycloak's "Role list",
 * it sends no client roles and never one attribute per role. Nothing is sent for a person with no district role.
 */
public final class DistrictRolesSamlMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    public static final String PROVIDER_ID = "k12-district-roles-saml-mapper";

    private static final List<ProviderConfigProperty> CONFIG = config();

    private static List<ProviderConfigProperty> config() {
        List<ProviderConfigProperty> properties = new ArrayList<>(DistrictRolesSetting.property());
        AttributeStatementHelper.setConfigProperties(properties);
        properties.stream().filter(p -> AttributeStatementHelper.SAML_ATTRIBUTE_NAME.equals(p.getName()))
                .forEach(p -> p.setDefaultValue("Role"));
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
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "The person's district roles (student, employee, teacher, guardian, lea-administrator, lea-data-auditor) "
                + "as one multi-valued attribute: the same set the OIDC mapper sends as roles.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType attributeStatement, ProtocolMapperModel mappingModel,
                                            KeycloakSession session, UserSessionModel userSession,
                                            AuthenticatedClientSessionModel clientSession) {
        List<String> roles = DistrictRolesSetting.of(userSession.getUser(), mappingModel);
        if (!roles.isEmpty()) {
            AttributeStatementHelper.addAttributes(attributeStatement, mappingModel, roles);
        }
    }
}
