package dev.usersession.state;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The one JSON-B instance that encodes bean state. Objects are written field by field, whatever the fields'
 * visibility, and getters and setters are ignored: what is stored is exactly the object's fields, as for the bean.
 */
final class StateJson {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyVisibilityStrategy(new FieldsOnly())
            .withNullValues(true));

    private StateJson() {
    }

    /**
     * Sees every non-static field and no method of application classes; JDK classes keep JSON-B's default of public
     * members only (their private fields are closed to reflection).
     */
    private static final class FieldsOnly implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return isJdk(field.getDeclaringClass()) ? Modifier.isPublic(field.getModifiers())
                    : !Modifier.isStatic(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return isJdk(method.getDeclaringClass()) && Modifier.isPublic(method.getModifiers());
        }

        private static boolean isJdk(Class<?> type) {
            return type.getPackageName().startsWith("java.");
        }
    }
}
