package dev.usersession;

/** A way a user proves who they are; a session records when each was last proved ({@link SessionProofs}). */
public enum Factor {
    /** A password (or any other credential an identity store validates). */
    PASSWORD,
    /** A time-based one-time code (RFC 6238) or a single-use recovery code. */
    ONE_TIME_CODE,
    /** A passkey (WebAuthn). */
    PASSKEY
}
