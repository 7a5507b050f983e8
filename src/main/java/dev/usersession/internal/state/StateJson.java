package dev.usersession.internal.state;

import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import jakarta.json.spi.JsonProvider;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * The one JSON-B instance that encodes bean state. Objects are written field by field, whatever the fields'
 * visibility, and getters and setters are ignored: what is stored is exactly the object's fields, as for the bean.
 */
final class StateJson {

    static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withPropertyVisibilityStrategy(new FieldsOnly()).withNullValues(true));

    /** Looked up once: {@code Json.createReader} searches the JSON-P provider anew on every call. */
    static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

    private StateJson() {}

    /**
     * Sees every non-static field and no method of application classes; JDK classes keep JSON-B's default of public
     * members only (their private fields are closed to reflection).
     */
    private static final class FieldsOnly implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return isJdk(field.getDeclaringClass())
                    ? Modifier.isPublic(field.getModifiers())
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
