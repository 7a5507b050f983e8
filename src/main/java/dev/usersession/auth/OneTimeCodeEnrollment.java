package dev.usersession.auth;

/**
 * A one-time code secret just created for the current user, to be shown once: as a QR code for an authenticator
 * app, or as text to type in. It counts only after the user confirms it with a first code
 * ({@link UserCredentials#confirmOneTimeCodes}); the library never shows it again.
 *
 * @param otpauthUri the {@code otpauth://totp/...} URI (Google Authenticator's key URI format)
 * @param qrCode the URI as a QR code: an SVG image as a {@code data:} URI, for an {@code <img src>}
 * @param secret the secret in base32, for typing in
 */
public record OneTimeCodeEnrollment(String otpauthUri, String qrCode, String secret) {

    @Override
    public String toString() {
        return "OneTimeCodeEnrollment[...]";
    }
}
