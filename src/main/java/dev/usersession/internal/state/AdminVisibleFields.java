package dev.usersession.internal.state;

import dev.usersession.admin.AdminVisible;
import dev.usersession.internal.state.StateFields.StateField;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which stored fields of a {@code @UserSession} bean an administrator may read ({@link AdminVisible}): their keys in
 * the bean's stored JSON object.
 */
public final class AdminVisibleFields {

    private AdminVisibleFields() {}

    /** @return the keys of the stored fields marked {@link AdminVisible}, on the field or on its declaring class */
    public static Set<String> of(Class<?> beanClass) {
        return StateFields.of(beanClass).stream()
                .filter(AdminVisibleFields::visible)
                .map(StateField::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean visible(StateField field) {
        return field.field().isAnnotationPresent(AdminVisible.class)
                || field.field().getDeclaringClass().isAnnotationPresent(AdminVisible.class);
    }
}
