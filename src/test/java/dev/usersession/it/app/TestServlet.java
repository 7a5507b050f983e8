package dev.usersession.it.app;

import dev.usersession.UserSessions;
import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The test application's endpoints, including test-only controls (the clock, a look at the tables). */
// Payara answers isUserInRole only for declared roles (WildFly for any group): declare every role the tests ask for.
@DeclareRoles({"customer", "partner", "admin"})
@WebServlet("/test/*")
public class TestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext securityContext;

    @Inject
    Counter counter;

    @Inject
    Visits visits;

    @Inject
    Reports reports;

    @Inject
    AdminReports adminReports;

    @Inject
    AuditTrail auditTrail;

    @Inject
    HttpCounter httpCounter;

    @Inject
    dev.usersession.internal.context.ExpiredSessionCleanup cleanup;

    @Inject
    UserSessions sessions;

    @Inject
    TestClock clock;

    @Inject
    dev.usersession.auth.UserAccounts accounts;

    /** The account table itself, to change it behind the library's back (as a DBA or another application would). */
    @Inject
    dev.usersession.internal.account.JpaAccountRepository accountTable;

    @PersistenceContext(unitName = "it")
    EntityManager entityManager;

    @Inject
    ExecutedStatements executedStatements;

    @Inject
    ObservedAuditEvents auditEvents;

    @Inject
    dev.usersession.internal.onetimecode.OneTimeCodeFactor oneTimeCodes;

    @Inject
    RequestAttributeDumps attributeDumps;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        switch (path) {
            case "/whoami" ->
                text(
                        response,
                        request.getUserPrincipal() == null
                                ? "anonymous"
                                : request.getUserPrincipal().getName() + " " + request.isUserInRole("customer") + " "
                                        + request.isUserInRole("partner"));
            case "/counter" -> text(response, String.valueOf(counter.count()));
            case "/attribute-dump" -> text(response, attributeDumps.last());
            case "/audit-events" -> text(response, auditEvents.lines());
            case "/counter/cacheable" -> {
                response.setHeader("Cache-Control", "max-age=60");
                text(response, String.valueOf(counter.count()));
            }
            case "/visits" -> text(response, String.join(",", visits.pages()));
            case "/servlet-version" ->
                text(
                        response,
                        getServletContext().getMajorVersion() + "."
                                + getServletContext().getMinorVersion());
            case "/http-counter" -> text(response, String.valueOf(httpCounter.count()));
            case "/container-session" -> text(response, request.getSession(true).getId());
            case "/db/statements" -> text(response, String.valueOf(executedStatements.count()));
            case "/reports/mine" -> text(response, reports.mine());
            case "/reports/all" -> text(response, reports.all());
            case "/reports/sensitive" -> text(response, reports.sensitive());
            case "/reports/secret" -> text(response, reports.secret());
            case "/reports/recent-secret" -> text(response, reports.recentSecret());
            case "/clock/now" -> text(response, clock.now().toString());
            case "/cache/entries" ->
                text(
                        response,
                        String.valueOf(jakarta.enterprise
                                .inject
                                .spi
                                .CDI
                                .current()
                                .select(dev.usersession.internal.store.CachedSessions.class)
                                .get()
                                .size()));
            case "/security-handler" ->
                text(
                        response,
                        String.valueOf(
                                isPresent(
                                        "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler")));
            case "/reports/archived" -> text(response, adminReports.archived());
            case "/reports/audit" -> text(response, auditTrail.entries());
            case "/db/contains" -> text(response, String.valueOf(tablesContain(request.getParameter("value"))));
            case "/db/sessions" ->
                text(
                        response,
                        String.valueOf(entityManager
                                .createNativeQuery("select count(*) from user_session where user_name = ?1")
                                .setParameter(1, request.getParameter("user"))
                                .getSingleResult()));
            case "/db/last-access" ->
                text(
                        response,
                        String.valueOf(entityManager
                                .createNativeQuery("select last_access from user_session where user_name = ?1")
                                .setParameter(1, request.getParameter("user"))
                                .getResultList()));
            case "/db/count" ->
                text(
                        response,
                        String.valueOf(entityManager
                                .createNativeQuery("select count(*) from " + table(request.getParameter("table")))
                                .getSingleResult()));
            default -> response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        switch (path) {
            case "/counter/increment" -> text(response, String.valueOf(counter.increment()));
            case "/sessions/open" -> // a session without a password check, for tests that need hundreds of them
                text(
                        response,
                        sessions.open(request.getParameter("name"), java.util.Set.of("customer"), "test")
                                .token());
            case "/visits/record" -> text(response, String.valueOf(visits.record(request.getParameter("page"))));
            case "/http-counter/increment" -> text(response, String.valueOf(httpCounter.increment()));
            case "/cleanup" -> {
                long start = System.nanoTime();
                String duty = request.getParameter("duty");
                int removed = duty == null ? cleanup.removeExpired() : cleanup.removeExpired(Double.parseDouble(duty));
                text(response, removed + " " + (System.nanoTime() - start) / 1_000_000);
            }
            case "/counter/increment-then-flush" -> {
                int count = counter.increment();
                response.setContentType("text/plain");
                response.getWriter().write(String.valueOf(count));
                response.flushBuffer();
            }
            case "/counter/increment-large" -> {
                int count = counter.increment();
                response.setContentType("text/plain");
                response.getWriter().write(String.valueOf(count) + "\n" + "x".repeat(200_000));
            }
            case "/counter/increment-with-length" -> {
                byte[] body = String.valueOf(counter.increment()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                response.setContentType("text/plain");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
            case "/counter/increment-then-redirect" -> {
                counter.increment();
                redirect(request, response);
            }
            case "/counter/conflict-then-redirect" -> {
                counter.increment();
                // another unit of work changes the counter first: this request's write is a conflict
                sessions.runIn(sessions.current().orElseThrow().id(), counter::increment);
                redirect(request, response);
            }
            case "/accounts" -> {
                String password = request.getParameter("password");
                accounts.create(
                        request.getParameter("name"),
                        (password == null ? DemoAccounts.PASSWORD : password).toCharArray(),
                        java.util.Set.of(request.getParameter("groups").split(",")));
                text(response, request.getParameter("name"));
            }
            case "/accounts/groups" ->
                text(
                        response,
                        String.valueOf(accounts.changeGroups(
                                request.getParameter("name"),
                                java.util.Set.of(request.getParameter("groups").split(",")))));
            case "/accounts/groups-in-table" ->
                text(
                        response,
                        String.valueOf(accountTable.updateGroups(
                                request.getParameter("name"),
                                java.util.Set.of(request.getParameter("groups").split(",")))));
            case "/password" -> {
                String user = sessions.current().orElseThrow().userName();
                boolean changed = accounts.changePassword(
                        user,
                        request.getParameter("current").toCharArray(),
                        request.getParameter("new").toCharArray());
                if (!changed) {
                    response.setStatus(403);
                }
                text(response, String.valueOf(changed));
            }
            case "/one-time-codes" -> { // turns codes on for a user without a session of theirs; answers the secret
                String name = request.getParameter("name");
                String secret = oneTimeCodes.enroll(name).secret();
                dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm totp =
                        dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm.standard();
                oneTimeCodes.confirm(
                        name,
                        totp.codeAt(
                                dev.usersession.internal.onetimecode.OneTimeCodeAlgorithm.fromBase32(secret),
                                totp.stepAt(clock.now())));
                text(response, secret);
            }
            case "/authenticate" -> { // a login through an endpoint of the application's own
                AuthenticationStatus status = securityContext.authenticate(
                        request,
                        response,
                        AuthenticationParameters.withParams()
                                .credential(new UsernamePasswordCredential(
                                        request.getParameter("name"), request.getParameter("password"))));
                if (!response.isCommitted()) {
                    text(response, status.name());
                }
            }
            case "/reset-password" ->
                text(
                        response,
                        String.valueOf(accounts.resetPassword(
                                request.getParameter("name"),
                                request.getParameter("new").toCharArray())));
            case "/clock/advance" -> {
                clock.advance(Duration.parse(request.getParameter("by")));
                response.setStatus(204);
            }
            default -> response.sendError(404);
        }
    }

    /** Redirects to the counter with the overload of {@code sendRedirect} named by the parameter {@code overload}. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String location = request.getContextPath() + "/test/counter";
        switch (request.getParameter("overload")) {
            case "location" -> response.sendRedirect(location);
            case "location-clear" -> response.sendRedirect(location, true);
            case "location-status" -> response.sendRedirect(location, HttpServletResponse.SC_SEE_OTHER);
            case "location-status-clear" -> response.sendRedirect(location, HttpServletResponse.SC_SEE_OTHER, false);
            default -> throw new IllegalArgumentException(request.getParameter("overload"));
        }
    }

    private boolean tablesContain(String value) {
        for (String table : List.of("user_session", "user_session_bean", "user_account")) {
            for (Object row :
                    entityManager.createNativeQuery("select * from " + table).getResultList()) {
                Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
                for (Object column : columns) {
                    if (column != null && String.valueOf(column).contains(value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String table(String name) {
        return switch (name) {
            case "user_session", "user_session_bean", "user_account", "login_attempts" -> name;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(body);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
