package org.k12id.adminrest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Which unreadable requests the pack answers itself")
class UnreadableRequestsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("only the pack's own endpoints, under the realm's public and admin paths")
    @CsvSource({
            "/realms/k12-demo/k12-password-rules/check, true",
            "/admin/realms/k12-demo/k12-badges/print, true",
            "/auth/admin/realms/k12-demo/k12-default-passwords/requests, true",
            "/realms/k12-demo/k12-portal, true",
            "/realms/k12-demo/protocol/openid-connect/token, false",
            "/admin/realms/k12-demo/users, false",
            "/realms/k12-demo/account, false",
            "/k12-badges, false",
    })
    void packPaths(String path, boolean pack) {
        assertEquals(pack, UnreadableRequests.isPackPath(path));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("only exceptions thrown by the named classes of the HTTP layer")
    @CsvSource({"org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate, true", "org.k12id.Other, false"})
    void thrownBy(String className, boolean expected) {
        IllegalArgumentException exception = new IllegalArgumentException("x");
        exception.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "parse", null, 1)});
        assertEquals(expected, UnreadableRequests.thrownBy(exception, ".MediaTypeHeaderDelegate"));
    }
}
