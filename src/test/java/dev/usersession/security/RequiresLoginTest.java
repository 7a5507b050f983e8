package dev.usersession.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.usersession.AccessDeniedException;
import dev.usersession.NotLoggedInException;
import dev.usersession.RequiresLogin;
import dev.usersession.UserSessions;
import dev.usersession.testing.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
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

    @Test
    void callsWithoutALoggedInUserOrWithoutTheRoleAreRefused() {
        try (SeContainer container = Containers.boot(Orders.class)) {
            UserSessions sessions = container.select(UserSessions.class).get();
            Orders orders = container.select(Orders.class).get();
            String customer = sessions.open("cus-" + System.nanoTime(), Set.of("customer"), "test").session().id();
            String support = sessions.open("sup-" + System.nanoTime(), Set.of("support"), "test").session().id();

            assertThrows(NotLoggedInException.class, orders::mine);
            assertEquals("orders", sessions.callIn(customer, orders::mine));
            assertThrows(AccessDeniedException.class, () -> sessions.callIn(customer, orders::everyones));
            assertEquals("all orders", sessions.callIn(support, orders::everyones));
        }
    }
}
