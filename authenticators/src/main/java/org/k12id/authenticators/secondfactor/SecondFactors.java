package org.k12id.authenticators.secondfactor;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * What counts as a second factor: the credential types of the steps a person may be asked for after their password.
 * Keycloak's authenticator app ({@code otp}) and security key ({@code webauthn}), and the pack's email and text message
 * codes.
 */
public final class SecondFactors {

    /** The pack's email code credential (the email code step's type). */
    public static final String EMAIL_CODE = "k12-email-code";
    /** The pack's text message code credential (the text message code step's type). */
    public static final String SMS_CODE = "k12-sms-code";

    /** The required action that lets a person choose and set up a second factor (module required-actions). */
    public static final String SETUP_ACTION = "k12-second-factor-setup";

    /** In the order a person is offered them when they have none. */
    public static final List<String> TYPES = List.of(OTPCredentialModel.TYPE, EMAIL_CODE, SMS_CODE,
            WebAuthnCredentialModel.TYPE_TWOFACTOR);

    /**
     * The user session note naming the second factor a sign-in used, mapped by the {@code k12-district} scopes into
     * tokens and assertions as {@code k12_second_factor}: {@code app}, {@code email}, {@code sms} or
     * {@code security_key}; absent when none was used.
     */
    public static final String NOTE = "k12.second_factor";

    private SecondFactors() {
    }

    /** What apps are told a second factor's credential type was ({@link #NOTE}). */
    public static String appName(String type) {
        return switch (type) {
            case OTPCredentialModel.TYPE -> "app";
            case EMAIL_CODE -> "email";
            case SMS_CODE -> "sms";
            case WebAuthnCredentialModel.TYPE_TWOFACTOR -> "security_key";
            default -> throw new IllegalArgumentException("not a second factor: " + type);
        };
    }

    /** Whether {@code type} is a second factor's credential type. */
    public static boolean isSecondFactor(String type) {
        return type != null && TYPES.contains(type);
    }

    /** Whether the person has set up at least one second factor. */
    public static boolean hasAny(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream().map(CredentialModel::getType)
                .anyMatch(SecondFactors::isSecondFactor);
    }

    /**
     * The second factor a sign-in used last, from the credential types Keycloak recorded for it in order (each step
     * that checked a credential records its type), if any.
     */
    public static Optional<String> lastUsed(List<String> usedTypes) {
        for (int i = usedTypes.size() - 1; i >= 0; i--) {
            if (isSecondFactor(usedTypes.get(i))) {
                return Optional.of(usedTypes.get(i));
            }
        }
        return Optional.empty();
    }
}
