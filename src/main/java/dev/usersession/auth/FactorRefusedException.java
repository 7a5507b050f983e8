package dev.usersession.auth;

import dev.usersession.UserSessionException;

/**
 * A one-time code, recovery code or passkey was refused, or the step it belonged to is gone. Nothing was stored. The
 * library's error handling answers it with the status and {@code error} code of its {@link Reason}, which is also
 * its {@link #errorCode()}.
 */
public class FactorRefusedException extends UserSessionException {
    private static final long serialVersionUID = 1L;

    /** Why a factor was refused. */
    public enum Reason {
        /** 400 {@code malformed_code}: not a code of the expected form. */
        MALFORMED_CODE("malformed_code"),
        /** 401 {@code invalid_code}: a wrong, expired or already used one-time or recovery code. */
        WRONG_CODE("invalid_code"),
        /** 400 {@code no_pending_step}: no login, registration or challenge is waiting (expired, used, or never). */
        NO_PENDING_STEP("no_pending_step"),
        /** 409 {@code already_enabled}: one-time codes are already enabled (disable them first). */
        ALREADY_ENABLED("already_enabled"),
        /** 409 {@code not_enabled}: the user has no one-time codes to confirm, use or disable. */
        NOT_ENABLED("not_enabled"),
        /** 400 {@code malformed_credential}: the browser's passkey response cannot be read. */
        MALFORMED_CREDENTIAL("malformed_credential"),
        /** 401 {@code unknown_credential}: no such passkey is registered (for this user). */
        UNKNOWN_CREDENTIAL("unknown_credential"),
        /** 401 {@code credential_refused}: the passkey's response failed verification (challenge, origin, signature). */
        CREDENTIAL_REFUSED("credential_refused"),
        /** 401 {@code credential_replayed}: the response was used before, or the authenticator looks cloned. */
        CREDENTIAL_REPLAYED("credential_replayed"),
        /** 409 {@code credential_exists}: this passkey is already registered. */
        CREDENTIAL_EXISTS("credential_exists");

        private final String errorCode;

        Reason(String errorCode) {
            this.errorCode = errorCode;
        }

        /** @return the {@code error} code a web request is answered with */
        public String errorCode() {
            return errorCode;
        }
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what was refused (never the code or the secret itself)
     */
    public FactorRefusedException(Reason reason, String message) {
        super(reason.errorCode(), message);
        this.reason = reason;
    }

    /** @return why the factor was refused */
    public Reason reason() {
        return reason;
    }
}
