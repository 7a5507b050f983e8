package dev.usersession.example;

import java.math.BigDecimal;

/**
 * Something the shop sells.
 *
 * @param id stable identifier
 * @param name what it is called
 * @param description one line about it
 * @param price in euros
 * @param color the tile colour on the product page
 */
public record Product(String id, String name, String description, BigDecimal price, String color) {
}
