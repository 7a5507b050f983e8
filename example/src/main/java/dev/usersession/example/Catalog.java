package dev.usersession.example;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's products (fixed: the example is about sessions, not about a product database). */
@ApplicationScoped
public class Catalog {

    private final Map<String, Product> products = new LinkedHashMap<>();

    public Catalog() {
        add("espresso", "Espresso beans", "Dark roast, 1 kg, from a small roastery", "18.90", "#6b4226");
        add("teapot", "Cast-iron teapot", "Keeps tea warm for an hour", "42.00", "#37474f");
        add("mug", "Stoneware mug", "Hand-glazed, 350 ml", "12.50", "#00897b");
        add("grinder", "Hand grinder", "Ceramic burrs, 25 settings", "54.00", "#8d6e63");
        add("kettle", "Gooseneck kettle", "For a slow, even pour", "39.90", "#5c6bc0");
        add("filter", "Paper filters", "100 pieces, unbleached", "5.20", "#c0a060");
        add("scale", "Coffee scale", "0.1 g precision, with timer", "29.00", "#455a64");
        add("beans-light", "Light roast beans", "Fruity, 500 g", "14.40", "#d4a373");
    }

    private void add(String id, String name, String description, String price, String color) {
        products.put(id, new Product(id, name, description, new BigDecimal(price), color));
    }

    public List<Product> all() {
        return List.copyOf(products.values());
    }

    public Optional<Product> find(String id) {
        return Optional.ofNullable(products.get(id));
    }
}
