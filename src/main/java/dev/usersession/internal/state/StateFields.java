package dev.usersession.internal.state;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the fields that make up a bean's state: every field of the class and its superclasses that is stored. */
final class StateFields {

    /** Annotations by which the container fills a field; such fields are never stored. */
    private static final Set<String> INJECTION_ANNOTATIONS = Set.of(
            "jakarta.inject.Inject",
            "jakarta.annotation.Resource",
            "jakarta.persistence.PersistenceContext",
            "jakarta.persistence.PersistenceUnit",
            "jakarta.ejb.EJB");

    private StateFields() {}

    /** @return the stored fields, made accessible, each with the key it has in the JSON object */
    static List<StateField> of(Class<?> beanClass) {
        List<StateField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (isStored(field)) {
                    String key =
                            keys.add(field.getName()) ? field.getName() : type.getSimpleName() + "." + field.getName();
                    keys.add(key);
                    field.setAccessible(true);
                    fields.add(new StateField(key, field));
                }
            }
        }
        return List.copyOf(fields);
    }

    /** @return whether this field belongs to the stored state */
    static boolean isStored(Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
            return false;
        }
        for (Annotation annotation : field.getAnnotations()) {
            if (INJECTION_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One stored field.
     *
     * @param key its name in the JSON object
     * @param field the field
     */
    record StateField(String key, Field field) {}
}
