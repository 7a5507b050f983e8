package dev.usersession.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** An application-scoped service injected into a {@code @UserSession} bean; never stored with it. */
@ApplicationScoped
public class PriceList {

    public BigDecimal price(String sku) {
        return new BigDecimal(sku.length());
    }
}
