package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.Oidc;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Going through "Forgot my username" over HTTP, as a browser would, with a real SMTP server (GreenMail) that the realm's
 * email settings point at while a test runs.
 */
final class Recovery {

    static final String SENT_EN = "If that address belongs to an account, we have sent its username.";
    static final String SENT_ES = "Si esa dirección pertenece a una cuenta, le enviamos su nombre de usuario.";
    static final String FIELD = "k12_forgot_username_email";
    static final String FORM = "#k12-forgot-username-form";

    private Recovery() {
    }

    /** A GreenMail SMTP server on a free loopback port, and the realm's email settings pointed at it. */
    static GreenMail startMail(ManagedRealm realm) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "no-reply@k12id.test", "fromDisplayName", "Demo School District"));
        realm.admin().update(settings);
        return smtp;
    }

    /** The realm without a mail server again, and GreenMail stopped. */
    static void stopMail(ManagedRealm realm, GreenMail smtp) {
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setSmtpServer(new HashMap<>());
        realm.admin().update(settings);
        smtp.stop();
    }

    /** The messages GreenMail has received for {@code address}. */
    static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** From the app's sign-in, "Forgot my username": the page asking for the address. */
    static Browser.Page askPage(Browser browser, String realmUrl, String language) throws Exception {
        Oidc app = new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser.Page username = browser.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        assertNotNull(username.document().selectFirst("#k12-forgot-username-link"), () -> "no Forgot my username:\n" + username.body());
        Browser.Page ask = browser.submit(username, "#k12-forgot-username-start", Map.of());
        assertEquals(200, ask.status(), ask::body);
        assertNotNull(ask.document().selectFirst(FORM + " input[name=" + FIELD + "]"), () -> "no address asked:\n" + ask.body());
        return ask;
    }

    /** Sends the page's form with {@code address} and "I'm not a robot" done. */
    static Browser.Page request(Browser browser, Browser.Page ask, String address) throws Exception {
        return browser.submit(ask, FORM, Map.of(FIELD, address, Captchas.FIELD, Captchas.answer(ask.form(FORM))));
    }

    /** The settings of the demo realm's "Username, Student Badge or Claim" step. */
    static AuthenticatorConfigRepresentation stepSettings(ManagedRealm realm) {
        String id = realm.admin().flows().getExecutions("k12 browser forms").stream()
                .filter(e -> "k12-username-badge-form".equals(e.getProviderId())).findFirst().orElseThrow()
                .getAuthenticationConfig();
        return realm.admin().flows().getAuthenticatorConfig(id);
    }
}
