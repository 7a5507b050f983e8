package dev.usersession.springsession;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The example shop's {@code GET api/cart} and {@code POST api/cart/items/{id}}, with the same JSON, on a cart kept
 * in the {@code HttpSession}: set again after each change, as Spring Session needs to know an attribute changed.
 */
@RestController
@RequestMapping("/api/cart")
public class CartController {

    private static final String CART = "cart";

    private static final Map<String, Product> CATALOG = Map.of(
            "espresso", new Product("Espresso beans", new BigDecimal("18.90")),
            "teapot", new Product("Cast-iron teapot", new BigDecimal("42.00")),
            "mug", new Product("Stoneware mug", new BigDecimal("12.50")),
            "grinder", new Product("Hand grinder", new BigDecimal("54.00")),
            "kettle", new Product("Gooseneck kettle", new BigDecimal("39.90")),
            "filter", new Product("Paper filters", new BigDecimal("5.20")),
            "scale", new Product("Coffee scale", new BigDecimal("29.00")),
            "beans-light", new Product("Light roast beans", new BigDecimal("14.40")));

    private record Product(String name, BigDecimal price) {
    }

    /** What the shop's pages show of the cart. */
    public record CartView(List<LineView> lines, int items, BigDecimal total) {
    }

    /** One line as the pages show it. */
    public record LineView(String productId, String name, int quantity, BigDecimal price, BigDecimal subtotal) {
    }

    /** One product in the cart, as stored in the session. */
    public record Line(String productId, int quantity) implements Serializable {
    }

    @GetMapping
    public CartView view(HttpSession session) {
        return view(lines(session));
    }

    @PostMapping("/items/{productId}")
    public CartView add(@PathVariable String productId, HttpSession session) {
        if (!CATALOG.containsKey(productId)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such product");
        }
        ArrayList<Line> lines = new ArrayList<>(lines(session));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                lines.set(i, new Line(productId, lines.get(i).quantity() + 1));
                found = true;
            }
        }
        if (!found) {
            lines.add(new Line(productId, 1));
        }
        session.setAttribute(CART, lines);
        return view(lines);
    }

    @SuppressWarnings("unchecked")
    private static List<Line> lines(HttpSession session) {
        Object lines = session.getAttribute(CART);
        return lines == null ? List.of() : (List<Line>) lines;
    }

    private static CartView view(List<Line> lines) {
        List<LineView> views = lines.stream().map(line -> {
            Product product = CATALOG.get(line.productId());
            return new LineView(line.productId(), product.name(), line.quantity(), product.price(),
                    product.price().multiply(BigDecimal.valueOf(line.quantity())));
        }).toList();
        int items = views.stream().mapToInt(LineView::quantity).sum();
        BigDecimal total = views.stream().map(LineView::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(views, items, total);
    }
}
