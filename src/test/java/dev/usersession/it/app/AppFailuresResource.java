package dev.usersession.it.app;

import dev.usersession.AssuranceLevel;
import dev.usersession.auth.RequiresLogin;
import dev.usersession.auth.UserAccounts;
import dev.usersession.auth.UserCredentials;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Set;
import java.util.UUID;

/** Jakarta REST resources where the application itself fails (see {@link AppFailuresServlet}). */
@Path("app-errors")
public class AppFailuresResource {

    @Inject
    AppNotes notes;

    @Inject
    Counter counter;

    @Inject
    UserCredentials credentials;

    @Inject
    UserAccounts accounts;

    /** Answered by the application's own {@link AppOptimisticLockMapper}. */
    @POST
    @Path("optimistic-lock")
    public String optimisticLock() {
        throw new OptimisticLockException("the application's own stale entity");
    }

    /** Changes the session's counter (its state is loaded here, in the resource). */
    @POST
    @Path("counter")
    public String counter() {
        return String.valueOf(counter.increment());
    }

    /** Proves the caller again with a code: a refused code is answered by the library's mapper. */
    @POST
    @Path("factor-code")
    public String factorCode(@QueryParam("code") String code) {
        credentials.reauthenticateWithCode(code);
        return "proved";
    }

    /** Needs a second factor: a caller without one is refused by the library, and answered by its mapper. */
    @POST
    @Path("second-factor")
    @RequiresLogin(level = AssuranceLevel.AAL2)
    public String secondFactor() {
        return "proved";
    }

    /** Creates an account: a password the policy refuses is answered by the library's mapper. */
    @POST
    @Path("account")
    public String account(@QueryParam("password") String password) {
        accounts.create("rest-" + UUID.randomUUID(), password.toCharArray(), Set.of());
        return "created";
    }

    /** No mapper of the application: the container answers. */
    @POST
    @Path("constraint")
    public String constraint(@QueryParam("id") String id) {
        notes.createTable();
        notes.addTwice(id);
        return "added";
    }
}
