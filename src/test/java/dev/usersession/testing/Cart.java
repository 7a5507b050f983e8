package dev.usersession.testing;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@code @UserSession} bean with a list of records, an injected dependency and lifecycle callbacks. */
@UserSession
public class Cart implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Counts @PreDestroy calls across instances. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Inject
    PriceList prices;

    private final List<Line> lines = new ArrayList<>();

    private transient boolean constructed;

    @PostConstruct
    void constructed() {
        constructed = true;
    }

    @PreDestroy
    void destroyed() {
        DESTROYED.incrementAndGet();
    }

    public void add(String sku, int quantity) {
        lines.add(new Line(sku, quantity));
    }

    @ReadOnly
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @ReadOnly
    public BigDecimal total() {
        return lines.stream()
                .map(line -> prices.price(line.sku()).multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @ReadOnly
    public boolean wasConstructed() {
        return constructed;
    }

    /** One line of the cart. */
    public record Line(String sku, int quantity) {}
}
