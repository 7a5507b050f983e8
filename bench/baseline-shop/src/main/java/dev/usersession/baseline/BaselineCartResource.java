package dev.usersession.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The example shop's {@code GET api/cart} and {@code POST api/cart/items/{id}}, on the in-memory cart. */
@Path("cart")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BaselineCartResource {

    private static final Map<String, Object[]> CATALOG = Map.of(
            "espresso", new Object[] {"Espresso beans", new BigDecimal("18.90")},
            "teapot", new Object[] {"Cast-iron teapot", new BigDecimal("42.00")},
            "mug", new Object[] {"Stoneware mug", new BigDecimal("12.50")},
            "grinder", new Object[] {"Hand grinder", new BigDecimal("54.00")},
            "kettle", new Object[] {"Gooseneck kettle", new BigDecimal("39.90")},
            "filter", new Object[] {"Paper filters", new BigDecimal("5.20")},
            "scale", new Object[] {"Coffee scale", new BigDecimal("29.00")},
            "beans-light", new Object[] {"Light roast beans", new BigDecimal("14.40")});

    @Inject
    SessionCart cart;

    @Context
    SecurityContext security;

    /** What the shop's pages show of the cart. */
    public record CartView(List<LineView> lines, int items, BigDecimal total) {
    }

    /** One line as the pages show it. */
    public record LineView(String productId, String name, int quantity, BigDecimal price, BigDecimal subtotal) {
    }

    @GET
    public CartView view() {
        requireLogin();
        return view(cart.lines());
    }

    @POST
    @Path("items/{productId}")
    public CartView add(@PathParam("productId") String productId) {
        requireLogin();
        if (!CATALOG.containsKey(productId)) {
            throw new BadRequestException("No such product");
        }
        cart.add(productId);
        return view(cart.lines());
    }

    private void requireLogin() {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Bearer");
        }
    }

    private static CartView view(List<SessionCart.Line> lines) {
        List<LineView> views = lines.stream().map(line -> {
            Object[] product = CATALOG.get(line.productId());
            BigDecimal price = (BigDecimal) product[1];
            return new LineView(line.productId(), (String) product[0], line.quantity(), price,
                    price.multiply(BigDecimal.valueOf(line.quantity())));
        }).toList();
        int items = views.stream().mapToInt(LineView::quantity).sum();
        BigDecimal total = views.stream().map(LineView::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(views, items, total);
    }
}
