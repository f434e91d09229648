package org.k12id.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.Map;

import org.jsoup.nodes.Document;

/** The realm's identifier-first pages, step by step: username and "Go", then password and "Go". */
public final class IdentifierFirst {

    private IdentifierFirst() {
    }

    /** From the username page, signs in and returns the server's answer to the password step. */
    public static Browser.Page login(Browser browser, Browser.Page usernamePage, String username, String password)
            throws IOException, InterruptedException {
        Browser.Page passwordPage = enterUsername(browser, usernamePage, username);
        return browser.submit(passwordPage, "#kc-form-login", Map.of("password", password));
    }

    public static Browser.Page enterUsername(Browser browser, Browser.Page usernamePage, String username)
            throws IOException, InterruptedException {
        assertUsernamePage(usernamePage);
        Browser.Page passwordPage = browser.submit(usernamePage, "#kc-form-login", Map.of("username", username));
        assertEquals(200, passwordPage.status(), passwordPage::body);
        assertNotNull(passwordPage.document().selectFirst("input[name=password]"),
                () -> "the second step should ask for the password:\n" + passwordPage.body());
        return passwordPage;
    }

    /** The first step asks for the username only, with a "Go" button ("Ir" in Spanish). */
    public static void assertUsernamePage(Browser.Page page) {
        assertEquals(200, page.status(), page::body);
        Document document = page.document();
        assertNotNull(document.selectFirst("input[name=username]"), () -> "no username field:\n" + page.body());
        assertNull(document.selectFirst("input[name=password]"), "the first step must not ask for the password");
        String go = "es".equals(document.selectFirst("html").attr("lang")) ? "Ir" : "Go";
        assertEquals(go, document.selectFirst("#kc-login").text());
    }
}
