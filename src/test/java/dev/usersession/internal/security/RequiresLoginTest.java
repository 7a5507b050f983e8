package dev.usersession.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.usersession.UserSessions;
import dev.usersession.auth.AccessDeniedException;
import dev.usersession.auth.NotLoggedInException;
import dev.usersession.auth.RequiresLogin;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.testing.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import jakarta.enterprise.inject.se.SeContainer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiresLoginTest {

    @ApplicationScoped
    @RequiresLogin
    public static class Orders {
        public String mine() {
            return "orders";
        }

        @RequiresLogin(roles = {"admin", "support"})
        public String everyones() {
            return "all orders";
        }
    }

    /** A base class without the binding: its methods are guarded by what a subclass declares. */
    public static class Ledger {
        public String balance() {
            return "balance";
        }
    }

    @ApplicationScoped
    @RequiresLogin(roles = "admin")
    public static class AdminLedger extends Ledger {}

    @Stereotype
    @RequiresLogin(roles = "admin")
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface AdminOnly {}

    @ApplicationScoped
    @AdminOnly
    public static class AuditTrail {
        public String entries() {
            return "entries";
        }
    }

    @ApplicationScoped
    @RequiresLogin(roles = "admin")
    public static class Catalogue {
        public String edit() {
            return "edited";
        }

        @RequiresLogin
        public String browse() {
            return "browsed";
        }
    }

    @Test
    void callsWithoutALoggedInUserOrWithoutTheRoleAreRefused() {
        try (SeContainer container = Containers.boot(Orders.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Orders orders = container.select(Orders.class).get();
            String customer = sessions.open("cus-" + System.nanoTime(), Set.of("customer"), "test")
                    .session()
                    .id();
            String support = sessions.open("sup-" + System.nanoTime(), Set.of("support"), "test")
                    .session()
                    .id();

            assertThrows(NotLoggedInException.class, orders::mine);
            assertEquals("orders", sessions.callIn(customer, orders::mine));
            assertThrows(AccessDeniedException.class, () -> sessions.callIn(customer, orders::everyones));
            assertEquals("all orders", sessions.callIn(support, orders::everyones));
        }
    }

    @Test
    void rolesOnTheSubclassGuardAMethodInheritedFromAnUnannotatedBaseClass() {
        try (SeContainer container = Containers.boot(AdminLedger.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            AdminLedger ledger = container.select(AdminLedger.class).get();

            assertThrows(AccessDeniedException.class, () -> sessions.callIn(customer(sessions), ledger::balance));
            assertEquals("balance", sessions.callIn(admin(sessions), ledger::balance));
        }
    }

    @Test
    void rolesFromAStereotypeAreEnforced() {
        try (SeContainer container = Containers.boot(AuditTrail.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            AuditTrail audit = container.select(AuditTrail.class).get();

            assertThrows(NotLoggedInException.class, audit::entries);
            assertThrows(AccessDeniedException.class, () -> sessions.callIn(customer(sessions), audit::entries));
            assertEquals("entries", sessions.callIn(admin(sessions), audit::entries));
        }
    }

    @Test
    void aMethodsBindingOverridesTheClasses() {
        try (SeContainer container = Containers.boot(Catalogue.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Catalogue catalogue = container.select(Catalogue.class).get();
            String customer = customer(sessions);

            assertThrows(AccessDeniedException.class, () -> sessions.callIn(customer, catalogue::edit));
            assertEquals("browsed", sessions.callIn(customer, catalogue::browse));
            assertThrows(NotLoggedInException.class, catalogue::browse);
        }
    }

    private static String customer(UserSessions sessions) {
        return sessions.open("cus-" + System.nanoTime(), Set.of("customer"), "test")
                .session()
                .id();
    }

    private static String admin(UserSessions sessions) {
        return sessions.open("adm-" + System.nanoTime(), Set.of("admin"), "test")
                .session()
                .id();
    }
}
