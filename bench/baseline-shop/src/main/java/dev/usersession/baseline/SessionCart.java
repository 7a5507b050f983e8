package dev.usersession.baseline;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The example shop's cart as an application keeps it without usersession: in the node's {@code HttpSession}. */
@SessionScoped
public class SessionCart implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Line> lines = new ArrayList<>();

    /** Adds one of a product, or one more of it. */
    public synchronized void add(String productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                lines.set(i, new Line(productId, lines.get(i).quantity() + 1));
                return;
            }
        }
        lines.add(new Line(productId, 1));
    }

    /** @return the lines */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * One product in the cart.
     *
     * @param productId which product
     * @param quantity how many
     */
    public record Line(String productId, int quantity) {
    }
}
