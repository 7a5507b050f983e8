package dev.usersession.internal.passkey;

import java.util.Objects;

/**
 * A passkey ceremony refused what the browser sent. {@link #code()} says why in one word, fit for an error body; the
 * message is a short sentence that never quotes the input, and the exception carries no cause and no stack trace.
 */
public final class PasskeyException extends RuntimeException {

    /** The credential JSON cannot be read: not JSON, a missing or mistyped member, bad base64url, not "public-key". */
    public static final String MALFORMED = "malformed";
    /** The response answers another challenge than the one the server issued. */
    public static final String CHALLENGE = "challenge";
    /** The response was made for a page of another origin (or inside a cross-origin frame). */
    public static final String ORIGIN = "origin";
    /** The authenticator signed for another relying party id. */
    public static final String RP = "rp";
    /** The assertion signature does not verify with the stored public key. */
    public static final String SIGNATURE = "signature";
    /** The signature counter did not increase: a replayed assertion or a cloned authenticator. */
    public static final String REPLAYED = "replayed";
    /** Any other refusal (another credential than expected, user not present, unsupported algorithm, ...). */
    public static final String VERIFICATION = "verification";

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code one of the constants of this class
     * @param message a short sentence without input data
     */
    public PasskeyException(String code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return why the ceremony was refused: one of the constants of this class */
    public String code() {
        return code;
    }
}
