package dev.usersession.example;

import dev.usersession.admin.AdminVisible;
import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The shopping cart: a {@code @UserSession} bean. Its one field is stored as JSON per user session; it is there after
 * a restart of the server and on any node. Methods marked {@link ReadOnly} never cause a write. The cart's lines are
 * {@link AdminVisible}: the admin page shows them (support staff may see what a customer is buying); the order history
 * is not marked, so the admin page shows only its size.
 */
@UserSession
public class Cart implements Serializable {
    private static final long serialVersionUID = 1L;

    @AdminVisible
    private final List<CartLine> lines = new ArrayList<>();

    /** Adds one of a product, or one more of it. */
    public void add(String productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                lines.set(i, new CartLine(productId, lines.get(i).quantity() + 1));
                return;
            }
        }
        lines.add(new CartLine(productId, 1));
    }

    /** Takes a product out of the cart. */
    public void remove(String productId) {
        lines.removeIf(line -> line.productId().equals(productId));
    }

    /** @return what was in the cart, which is now empty */
    public List<CartLine> takeAll() {
        List<CartLine> taken = List.copyOf(lines);
        lines.clear();
        return taken;
    }

    @ReadOnly
    public List<CartLine> lines() {
        return List.copyOf(lines);
    }

    /**
     * One product in the cart.
     *
     * @param productId which product
     * @param quantity how many
     */
    public record CartLine(String productId, int quantity) {
    }
}
