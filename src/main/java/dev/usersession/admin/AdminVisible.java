package dev.usersession.admin;

import dev.usersession.UserSession;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a stored field of a {@link UserSession} bean (or, on the class, every stored field that class declares) as one
 * whose value an administrator may read in the stored-state view ({@link UserSessionAdmin#storedState(String)},
 * {@code GET /usersession/admin/sessions/{id}}). The view shows every other field by name and size only: a field is
 * hidden unless the application says otherwise, so a field added later (a PIN, a card number, a token) is never shown
 * by accident.
 *
 * <pre>{@code
 * @UserSession
 * public class Cart implements Serializable {
 *     @AdminVisible
 *     private List<Item> items = new ArrayList<>();   // shown as stored
 *     private String voucherCode;                     // shown as "voucherCode": its size only
 * }
 * }</pre>
 *
 * <p>A marked field is shown whole, with everything its value holds: mark only fields whose entire content support
 * staff may see. On a class, the mark covers the fields declared in that class, not those a superclass declares
 * (mark the superclass, or its fields, for those). Marking a field changes nothing in how it is stored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface AdminVisible {}
