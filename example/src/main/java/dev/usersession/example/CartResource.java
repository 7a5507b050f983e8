package dev.usersession.example;

import dev.usersession.auth.RequiresLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The cart and checkout, for the logged-in user ({@code @RequiresLogin}: 401 without a login). A checkout needs a
 * sign-in or confirmation from the last five minutes (else 401 {@code reauthentication_required}: the page asks for
 * the password, a code or a passkey, and tries again).
 */
@Path("cart")
@ApplicationScoped
@RequiresLogin
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    @Inject
    Cart cart;

    @Inject
    OrderHistory history;

    @Inject
    Catalog catalog;

    /** What the pages show of the cart. */
    public record CartView(List<LineView> lines, int items, BigDecimal total) {
    }

    /** One line as the pages show it. */
    public record LineView(String productId, String name, int quantity, BigDecimal price, BigDecimal subtotal) {
    }

    @GET
    public CartView view() {
        return view(cart.lines());
    }

    @POST
    @Path("items/{productId}")
    public CartView add(@PathParam("productId") String productId) {
        if (catalog.find(productId).isEmpty()) {
            throw new BadRequestException("No such product");
        }
        cart.add(productId);
        return view(cart.lines());
    }

    @DELETE
    @Path("items/{productId}")
    public CartView remove(@PathParam("productId") String productId) {
        cart.remove(productId);
        return view(cart.lines());
    }

    @POST
    @Path("checkout")
    @RequiresLogin(recent = "PT5M")
    public OrderHistory.Order checkout() {
        CartView bought = view(cart.takeAll());
        if (bought.items() == 0) {
            throw new BadRequestException("The cart is empty");
        }
        return history.place(bought.items(), bought.total(), Instant.now());
    }

    @GET
    @Path("orders")
    public List<OrderHistory.Order> orders() {
        return history.orders();
    }

    private CartView view(List<Cart.CartLine> lines) {
        List<LineView> views = lines.stream().map(line -> {
            Product product = catalog.find(line.productId()).orElseThrow();
            return new LineView(product.id(), product.name(), line.quantity(), product.price(),
                    product.price().multiply(BigDecimal.valueOf(line.quantity())));
        }).toList();
        int items = views.stream().mapToInt(LineView::quantity).sum();
        BigDecimal total = views.stream().map(LineView::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(views, items, total);
    }
}
