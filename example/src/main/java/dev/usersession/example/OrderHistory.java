package dev.usersession.example;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The orders placed in this session: a second {@code @UserSession} bean, written only when an order is placed. */
@UserSession
public class OrderHistory implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Order> orders = new ArrayList<>();

    public Order place(int items, BigDecimal total, Instant at) {
        Order order = new Order(orders.size() + 1, items, total, at);
        orders.add(order);
        return order;
    }

    @ReadOnly
    public List<Order> orders() {
        return List.copyOf(orders);
    }

    /**
     * A placed order.
     *
     * @param number its number in this session
     * @param items how many items
     * @param total what it cost
     * @param placed when
     */
    public record Order(int number, int items, BigDecimal total, Instant placed) {
    }
}
