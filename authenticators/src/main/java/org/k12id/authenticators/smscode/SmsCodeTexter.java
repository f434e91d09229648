package org.k12id.authenticators.smscode;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.k12id.authenticators.secondfactor.CodeSender;
import org.k12id.authenticators.sms.SmsSendException;
import org.k12id.authenticators.sms.SmsSender;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Texts a code to a number through the server's {@link SmsSender}, in the person's language (the login theme's
 * {@value #TEXT}), while the page waits: a gateway that fails is known at once and said on the page. Nothing is logged
 * with the number or the code (the sender logs the gateway's host and a short reason).
 */
final class SmsCodeTexter implements CodeSender {

    private static final Logger LOG = Logger.getLogger(SmsCodeTexter.class);
    static final String TEXT = "k12.smsCode.text";
    private static final String ENGLISH = "{0}: your sign-in code is {1}. It works for {2} minutes. "
            + "If you did not try to sign in, ignore this message.";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final SmsSender sender;
    private final String number;

    SmsCodeTexter(KeycloakSession session, RealmModel realm, UserModel user, SmsSender sender, String number) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.sender = sender;
        this.number = number;
    }

    @Override
    public void send(String code, int expiryMinutes) throws NotSent {
        if (sender == null || number == null) {
            throw new NotSent("sms");
        }
        try {
            sender.send(number, text(code, expiryMinutes));
        } catch (SmsSendException e) {
            LOG.warn("A text message code could not be sent: the SMS gateway failed (the reason is logged above)");
            throw new NotSent("sms");
        }
    }

    private String text(String code, int minutes) {
        Locale locale = session.getContext().resolveLocale(user);
        String pattern = ENGLISH;
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            pattern = messages.getProperty(TEXT, ENGLISH);
        } catch (IOException e) {
            LOG.debug("the login theme's messages could not be read; the text message is in English");
        }
        String name = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
        return new MessageFormat(pattern, locale).format(new Object[] {name, code, String.valueOf(minutes)});
    }
}
