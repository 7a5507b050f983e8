package dev.usersession;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link jakarta.persistence.EntityManager} through which the library stores sessions and bean state.
 * The application writes one producer, so the library uses the application's own persistence unit and data source:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SessionPersistence {
 *     @Produces @UserSessionPersistence @PersistenceContext(unitName = "shop")
 *     EntityManager entityManager;
 * }
 * }</pre>
 *
 * and lists every entity of the library in that unit with one line,
 * {@code <mapping-file>META-INF/usersession/orm.xml</mapping-file>} (the file is in the library's jar; its tables come
 * from {@code META-INF/usersession/schema-<database>.sql}). With a JTA persistence unit the library runs its
 * writes in container transactions; with a resource-local one (Java SE) it begins and commits its own, and a
 * {@code @Dependent} producer that opens an {@code EntityManager} should have a disposer that closes it.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface UserSessionPersistence {

    /** The literal to select the qualified bean programmatically. */
    final class Literal extends AnnotationLiteral<UserSessionPersistence> implements UserSessionPersistence {
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {}
    }
}
