package org.k12id.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * A real SMTP server for a test (GreenMail on a free loopback port) with the realm's SMTP settings pointed at it;
 * {@link #close} stops it and puts the realm's settings back.
 */
public final class Mailbox implements AutoCloseable {

    private final GreenMail smtp;
    private final RealmResource realm;
    private final Map<String, String> before;

    private Mailbox(GreenMail smtp, RealmResource realm, Map<String, String> before) {
        this.smtp = smtp;
        this.realm = realm;
        this.before = before;
    }

    public static Mailbox open(RealmResource realm) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        RealmRepresentation settings = realm.toRepresentation();
        Map<String, String> before = settings.getSmtpServer();
        settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "from", "no-reply@k12id.test", "fromDisplayName", "Demo School District"));
        realm.update(settings);
        return new Mailbox(smtp, realm, before);
    }

    /** How many emails have arrived so far. */
    public int count() {
        return smtp.getReceivedMessages().length;
    }

    /** The email number {@code index} (0-based), waiting up to 10 s for it to arrive. */
    public MimeMessage await(int index) {
        if (!smtp.waitForIncomingEmail(10_000, index + 1)) {
            throw new AssertionError("no email number " + (index + 1) + " arrived; " + count() + " did");
        }
        MimeMessage message = smtp.getReceivedMessages()[index];
        try {
            for (jakarta.mail.Address to : message.getAllRecipients()) {
                Disclosures.sent(Disclosures.Kind.ADDRESS, to.toString());
            }
        } catch (MessagingException e) {
            throw new AssertionError("email number " + (index + 1) + " has no readable recipients", e);
        }
        return message;
    }

    public static String recipient(MimeMessage mail) throws MessagingException {
        return mail.getAllRecipients()[0].toString();
    }

    public static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail);
    }

    @Override
    public void close() {
        RealmRepresentation settings = realm.toRepresentation();
        settings.setSmtpServer(before == null ? new HashMap<>() : before);
        realm.update(settings);
        smtp.stop();
    }
}
