package dev.usersession.internal.web;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.OneTimeCodeEnrollment;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.security.DefaultUserCredentials;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The logged-in user's one-time codes (authenticator app), as JSON. {@code GET /usersession/totp}:
 * {@code {"enabled": ..., "recoveryCodesLeft": ...}}. {@code POST /usersession/totp/enroll}: a new secret to show once
 * ({@code otpauthUri}, {@code qrCode} as an SVG data URI, {@code secret}). {@code POST /usersession/totp/confirm} with
 * {@code code}: turns codes on and answers the ten {@code recoveryCodes} (shown only now).
 * Enrolling, confirming, {@code POST /usersession/totp/disable} and {@code POST /usersession/totp/recovery-codes} (new
 * codes) need a recent proof of identity (else 401 {@code reauthentication_required}), a code or passkey for an account
 * with a second factor (else 401 {@code second_factor_required}); wrong confirmation codes are
 * throttled (429). 401 {@code not_logged_in} without a login.
 */
public class OneTimeCodesServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    public static final String PATH = "/usersession/totp";

    @Inject
    DefaultUserCredentials credentials;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.write(
                response,
                Json.createObjectBuilder()
                        .add("enabled", credentials.oneTimeCodesEnabled())
                        .add("recoveryCodesLeft", credentials.recoveryCodesLeft())
                        .build());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/enroll" -> {
                OneTimeCodeEnrollment enrollment = credentials.enrollOneTimeCodes();
                JsonResponses.write(
                        response,
                        Json.createObjectBuilder()
                                .add("otpauthUri", enrollment.otpauthUri())
                                .add("qrCode", enrollment.qrCode())
                                .add("secret", enrollment.secret())
                                .build());
            }
            case "/confirm" -> {
                String code = RequestBodies.read(request)
                        .get("code")
                        .orElseThrow(() ->
                                new FactorRefusedException(FactorRefusedException.Reason.MALFORMED_CODE, "No code"));
                recoveryCodes(response, credentials.confirmOneTimeCodes(code));
            }
            case "/recovery-codes" -> recoveryCodes(response, credentials.newRecoveryCodes());
            case "/disable" ->
                JsonResponses.write(
                        response,
                        Json.createObjectBuilder()
                                .add("disabled", credentials.disableOneTimeCodes())
                                .build());
            default -> errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }

    private static void recoveryCodes(HttpServletResponse response, List<String> codes) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        codes.forEach(list::add);
        JsonResponses.write(
                response, Json.createObjectBuilder().add("recoveryCodes", list).build());
    }
}
