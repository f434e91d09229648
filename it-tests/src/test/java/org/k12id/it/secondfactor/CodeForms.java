package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;

/** The code page's forms over HTTP (the email and text message code tests): typing a code, "Resend code". */
final class CodeForms {

    private CodeForms() {
    }

    /** Types {@code code} on the code page, more than a second after the last try. */
    static Browser.Page type(Browser browser, Browser.Page page, String code) throws Exception {
        Thread.sleep(1_100); // failures less than a second apart would lock the account (quick login check)
        return browser.submit(page, "#k12-code-form", Map.of("k12_code", code));
    }

    static Browser.Page resend(Browser browser, Browser.Page page) throws Exception {
        return browser.submit(page, "#k12-code-resend-form", Map.of("k12_code_resend", "true"));
    }

    static void assertCodePage(Browser.Page page) {
        assertEquals(200, page.status(), page::body);
        assertNotNull(page.document().selectFirst("#k12-code-form"), page::body);
    }

    /** Signed in: the server sent the browser back to the demo app. */
    static void assertAtApp(Browser.Page page) {
        assertTrue(page.location() != null && page.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), page::body);
    }
}
