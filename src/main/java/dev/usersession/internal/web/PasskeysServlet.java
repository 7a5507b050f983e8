package dev.usersession.internal.web;

import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.PasskeyInfo;
import dev.usersession.internal.context.UnitOfWork;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.errors.Failure;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.security.DefaultUserCredentials;
import dev.usersession.internal.security.FactorChanges;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The logged-in user's passkeys, as JSON. {@code GET /usersession/passkeys}: the list (id, name, created, last used,
 * transports, synced; never a key). {@code POST /usersession/passkeys/registration/options}: the options for
 * {@code navigator.credentials.create} with a new challenge bound to this session; then
 * {@code POST /usersession/passkeys/registration} with {@code name} and {@code credential}: verifies and stores the
 * passkey (201). Registering needs a recent proof of identity, as removing does (else 401
 * {@code reauthentication_required}; a code or passkey for an account with a second factor, else 401
 * {@code second_factor_required}). {@code POST /usersession/passkeys/remove} with {@code id}: removes one (the same
 * proof). Adding or removing a passkey ends the user's other sessions. 401 {@code not_logged_in} without a login.
 */
public class PasskeysServlet extends LibraryServlet {
    private static final long serialVersionUID = 1L;

    public static final String PATH = "/usersession/passkeys";

    @Inject
    DefaultUserCredentials credentials;

    @Inject
    PasskeyFactor passkeys;

    @Inject
    UserSessionManager manager;

    @Inject
    FactorChanges factorChanges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        credentials.passkeys().forEach(passkey -> list.add(json(passkey)));
        JsonResponses.write(response, list.build());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UnitOfWork unitOfWork = manager.current();
        if (unitOfWork == null) {
            throw new NotLoggedInException("Passkeys need a login");
        }
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (action.startsWith("/registration")) {
            credentials.requireRecentProof(); // a stolen cookie (and password) must not add the thief's passkey
        }
        switch (action) {
            case "/registration/options" ->
                JsonResponses.write(response, passkeys.registrationOptions(request, response, unitOfWork.session()));
            case "/registration" -> {
                RequestBodies.Fields fields = RequestBodies.read(request);
                String credential = fields.get("credential")
                        .orElseThrow(() -> new FactorRefusedException(
                                FactorRefusedException.Reason.MALFORMED_CREDENTIAL, "No credential"));
                PasskeyInfo added = passkeys.register(
                        request,
                        response,
                        unitOfWork.session(),
                        fields.get("name").orElse(null),
                        credential);
                factorChanges.changed(unitOfWork.session()); // the user's other sessions end, this one is renewed
                response.setStatus(HttpServletResponse.SC_CREATED);
                JsonResponses.write(response, json(added).build());
            }
            case "/remove" -> {
                String id = RequestBodies.read(request).get("id").orElse("");
                if (credentials.removePasskey(id)) {
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                } else {
                    errors.write(request, response, Failure.NO_SUCH_PASSKEY);
                }
            }
            default -> errors.write(request, response, Failure.NO_SUCH_ACTION);
        }
    }

    private static JsonObjectBuilder json(PasskeyInfo passkey) {
        JsonArrayBuilder transports = Json.createArrayBuilder();
        passkey.transports().forEach(transports::add);
        return Json.createObjectBuilder()
                .add("id", passkey.id())
                .add("name", passkey.name())
                .add("created", passkey.created().toString())
                .add(
                        "lastUsed",
                        passkey.lastUsed() == null ? "" : passkey.lastUsed().toString())
                .add("transports", transports)
                .add("synced", passkey.synced());
    }
}
