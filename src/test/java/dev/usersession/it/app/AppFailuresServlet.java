package dev.usersession.it.app;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Endpoints where the application itself fails or rolls back (its own JPA exceptions, its own transactions): none of
 * it is the library's business, so the container's error handling answers.
 */
@WebServlet("/app/*")
public class AppFailuresServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    AppNotes notes;

    @Inject
    AppTransactions transactions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notes.createTable();
        switch (request.getPathInfo()) {
            case "/notes" -> text(response, String.valueOf(notes.exists(request.getParameter("id"))));
            default -> response.sendError(404);
        }
    }

    /** @return the library's table that {@code /store/break} takes away: {@code table}, else the bean-state one */
    private static String table(HttpServletRequest request) {
        return request.getParameter("table") == null ? "user_session_bean" : request.getParameter("table");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notes.createTable();
        String id = request.getParameter("id");
        switch (request.getPathInfo()) {
            case "/errors/optimistic-lock" -> throw new OptimisticLockException("the application's own stale entity");
            case "/errors/constraint" -> notes.addTwice(id);
            case "/errors/jpql-typo" -> notes.queryWithTypo();
            case "/store/break" -> notes.breakLibraryStore(table(request), true);
            case "/store/repair" -> notes.breakLibraryStore(table(request), false);
            case "/accounts/credentials-changed" ->
                text(response, String.valueOf(notes.moveCredentialsVersionOn(request.getParameter("name"))));
            case "/tx/increment-then-fail" -> transactions.incrementThenFail();
            case "/tx/run-in-then-fail" -> transactions.runInThenFail(request.getParameter("session"));
            case "/tx/note-then-conflict" ->
                text(response, transactions.addNoteThenConflict(id, request.getParameter("session")));
            default -> response.sendError(404);
        }
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }
}
