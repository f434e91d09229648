package org.k12id.protocolmappers.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The roles an app receives")
class DistrictRolesTest {

    @Test
    @DisplayName("are the district roles the person holds, in the domain's order; Keycloak's own roles are left out")
    void onlyDistrictRoles() {
        assertEquals(List.of("employee", "teacher"), DistrictRoles.of(List.of("default-roles-k12-demo", "teacher",
                "offline_access", "uma_authorization", "employee"), null));
        assertEquals(List.of("student"), DistrictRoles.of(List.of("student", "default-roles-k12-demo"), ""));
        assertEquals(List.of(), DistrictRoles.of(List.of("default-roles-k12-demo", "offline_access"), null));
    }

    @Test
    @DisplayName("follow the mapper's configured list, spaces and repeats ignored")
    void configuredList() {
        assertEquals(List.of("lea-administrator", "admin-helpers"), DistrictRoles.of(
                List.of("employee", "admin-helpers", "lea-administrator"), " lea-administrator , admin-helpers,,lea-administrator"));
    }
}
