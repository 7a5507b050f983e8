package dev.usersession;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link UserSession} bean (or every method of the class) as one that does not change the bean's
 * state. Calling it does not mark the bean as used, so a unit of work that only calls read-only methods neither
 * compares nor writes the bean's state.
 *
 * <p>The library trusts this annotation: a change made inside a read-only method is not stored unless the same unit of
 * work also calls a method that is not read-only on the same bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnly {}
