package org.k12id.it.secondfactor;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * What the tests of the codes sent to a person share: the demo realm, the test's people (removed after each test), a
 * run number that keeps their names apart, the codes seen (which must not be disclosed), where the server's log stood
 * when the test began; after each test, the browser tests' Chromium closed and the server's clock put back.
 */
abstract class CodeTests {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    TestUsers users;
    final String run = String.valueOf(System.currentTimeMillis() % 1_000_000);
    final List<String> codes = new ArrayList<>();
    int logMark;
    /** The browser tests' Chromium, closed after each test. */
    CodeBrowser browser;

    @BeforeEach
    void startClean() throws Exception {
        users = new TestUsers(realm.admin());
        logMark = EmailCodes.logMark();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (browser != null) {
            browser.close();
        }
        EmailCodes.timeOffset(realm.getBaseUrl(), 0);
        users.removeAll();
    }
}
