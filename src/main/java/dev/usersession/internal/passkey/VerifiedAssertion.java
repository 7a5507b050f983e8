package dev.usersession.internal.passkey;

/**
 * A login response that verified.
 *
 * @param newSignCount the authenticator's signature counter now: store it in place of the old one
 * @param userVerified whether the authenticator verified the user (PIN, biometrics), not only their presence
 */
public record VerifiedAssertion(long newSignCount, boolean userVerified) {}
