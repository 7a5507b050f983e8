package dev.usersession.it.app;

import dev.usersession.auth.UserCredentials;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Jakarta REST resources where the application itself fails (see {@link AppFailuresServlet}). */
@Path("app-errors")
public class AppFailuresResource {

    @Inject
    AppNotes notes;

    @Inject
    Counter counter;

    @Inject
    UserCredentials credentials;

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

    /** No mapper of the application: the container answers. */
    @POST
    @Path("constraint")
    public String constraint(@QueryParam("id") String id) {
        notes.createTable();
        notes.addTwice(id);
        return "added";
    }
}
