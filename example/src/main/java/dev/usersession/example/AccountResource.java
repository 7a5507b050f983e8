package dev.usersession.example;

import dev.usersession.auth.RequiresLogin;
import dev.usersession.auth.UserAccounts;
import dev.usersession.UserSessionInfo;
import dev.usersession.UserSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/**
 * Sign-up, who am I (with the assurance level of the session: {@code AAL1} after a password, {@code AAL2} after two
 * factors), and password change (which signs out every other device, and needs a sign-in or confirmation from the last
 * five minutes: else 401 {@code reauthentication_required}, and the page asks for the password and tries again). A
 * password that breaks the library's
 * password policy (too short or too long, commonly used, containing the user name) is answered by the library's
 * exception mapper: 400 with the policy's sentence in {@code message}.
 */
@Path("account")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    UserAccounts accounts;

    @Inject
    UserSessions sessions;

    /** A sign-up form. */
    public record SignUp(String username, String password) {
    }

    /** A password change form. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    @Path("signup")
    public Response signUp(SignUp form) {
        if (form == null || form.username() == null || !form.username().matches("[A-Za-z0-9._-]{3,40}")) {
            return problem(400, "Choose a user name of 3 to 40 letters, digits, dots, dashes or underscores.");
        }
        if (form.password() == null) {
            return problem(400, "Choose a password.");
        }
        if (!accounts.create(form.username(), form.password().toCharArray(), Set.of("customer"))) {
            return problem(409, "That user name is taken.");
        }
        return Response.status(201).entity(Map.of("user", form.username())).build();
    }

    @GET
    @Path("me")
    @RequiresLogin
    public Map<String, Object> me() {
        UserSessionInfo session = sessions.current().orElseThrow();
        return Map.of("user", session.userName(), "groups", session.groups(),
                "sessions", sessions.listFor(session.userName()).size(),
                "level", session.proofs().level().name());
    }

    @POST
    @Path("password")
    @RequiresLogin(recent = "PT5M")
    public Response changePassword(PasswordChange form) {
        String user = sessions.current().orElseThrow().userName();
        if (form == null || form.newPassword() == null) {
            return problem(400, "Choose a new password.");
        }
        if (!accounts.changePassword(user, form.currentPassword() == null ? new char[0]
                : form.currentPassword().toCharArray(), form.newPassword().toCharArray())) {
            return problem(403, "The current password is not right.");
        }
        return Response.ok(Map.of("message", "Password changed. Your other devices were signed out.")).build();
    }

    private static Response problem(int status, String message) {
        return Response.status(status).entity(Map.of("message", message)).build();
    }
}
