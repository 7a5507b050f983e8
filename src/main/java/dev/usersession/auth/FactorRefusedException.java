package dev.usersession.auth;

/**
 * A one-time code, recovery code or passkey was refused, or the step it belonged to is gone. Nothing was stored. The
 * library's error handling answers it with the status and {@code error} code of its {@link Reason}.
 */
public class FactorRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a factor was refused. */
    public enum Reason {
        /** 400 {@code malformed_code}: not a code of the expected form. */
        MALFORMED_CODE,
        /** 401 {@code invalid_code}: a wrong, expired or already used one-time or recovery code. */
        WRONG_CODE,
        /** 400 {@code no_pending_step}: no login, registration or challenge is waiting (expired, used, or never). */
        NO_PENDING_STEP,
        /** 409 {@code already_enabled}: one-time codes are already enabled (disable them first). */
        ALREADY_ENABLED,
        /** 409 {@code not_enabled}: the user has no one-time codes to confirm, use or disable. */
        NOT_ENABLED,
        /** 400 {@code malformed_credential}: the browser's passkey response cannot be read. */
        MALFORMED_CREDENTIAL,
        /** 401 {@code unknown_credential}: no such passkey is registered (for this user). */
        UNKNOWN_CREDENTIAL,
        /** 401 {@code credential_refused}: the passkey's response failed verification (challenge, origin, signature). */
        CREDENTIAL_REFUSED,
        /** 401 {@code credential_replayed}: the response was used before, or the authenticator looks cloned. */
        CREDENTIAL_REPLAYED,
        /** 409 {@code credential_exists}: this passkey is already registered. */
        CREDENTIAL_EXISTS
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what was refused (never the code or the secret itself)
     */
    public FactorRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the factor was refused */
    public Reason reason() {
        return reason;
    }
}
