package dev.usersession.internal.state;

import dev.usersession.internal.state.StateFields.StateField;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * How the state of one {@code @UserSession} bean class is encoded and restored: the list of its stored fields, each
 * written with JSON-B into one JSON object whose keys are the field names, in a fixed order (so an unchanged state
 * always encodes to the same text).
 */
public final class BeanStateModel {

    private final String beanId;
    private final Class<?> beanClass;
    private final List<StateField> fields;

    private BeanStateModel(Class<?> beanClass, List<StateField> fields) {
        this.beanId = beanClass.getName();
        this.beanClass = beanClass;
        this.fields = fields;
    }

    /**
     * Builds the model of a bean class, checking every stored field.
     *
     * @throws InvalidBeanStateException naming the bean and each field whose type cannot be stored
     */
    public static BeanStateModel of(Class<?> beanClass) {
        List<StateField> fields = StateFields.of(beanClass);
        List<String> problems = new ArrayList<>();
        for (StateField field : fields) {
            String problem = StateTypeRules.problemWith(field.field().getGenericType());
            if (problem != null) {
                problems.add("field '" + field.key() + "': " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBeanStateException("@UserSession bean " + beanClass.getName() + " cannot be stored: "
                    + String.join("; ", problems) + ". Change the type, or mark the field transient.");
        }
        return new BeanStateModel(beanClass, fields);
    }

    /** @return the id under which the state is stored: the bean class's name, stable across restarts */
    public String beanId() {
        return beanId;
    }

    /** @return the state of the instance as JSON */
    public String encode(Object instance) {
        StringBuilder json = new StringBuilder(64).append('{');
        for (StateField field : fields) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(field.key()).append("\":");
            try {
                json.append(StateJson.JSONB.toJson(
                        field.field().get(instance), field.field().getGenericType()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + describe(field), e);
            }
        }
        return json.append('}').toString();
    }

    /**
     * Puts the stored values into a newly created instance, all or nothing: when any value cannot be decoded, the
     * instance is left untouched. Keys the class no longer has are ignored; fields the stored state lacks keep their
     * value.
     *
     * @return a description of each value that could not be restored; empty when the state was restored
     */
    public List<String> restore(Object instance, String json) {
        JsonObject stored;
        try (JsonReader reader = StateJson.READERS.createReader(new StringReader(json))) {
            stored = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return List.of("the stored state of @UserSession bean " + beanClass.getName() + " is not a JSON object: "
                    + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<StateField> present = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (StateField field : fields) {
            JsonValue value = stored.get(field.key());
            if (value == null
                    || (value == JsonValue.NULL && field.field().getType().isPrimitive())) {
                continue;
            }
            try {
                values.add(
                        value == JsonValue.NULL
                                ? null
                                : StateJson.JSONB.fromJson(
                                        value.toString(), field.field().getGenericType()));
                present.add(field);
            } catch (RuntimeException e) {
                problems.add(describe(field) + " cannot take the stored value " + abbreviate(value.toString()) + ": "
                        + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            for (int i = 0; i < present.size(); i++) {
                set(present.get(i), instance, values.get(i));
            }
        }
        return problems;
    }

    private void set(StateField field, Object instance, Object value) {
        try {
            field.field().set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot write " + describe(field), e);
        }
    }

    private String describe(StateField field) {
        return "field '" + field.key() + "' of @UserSession bean " + beanClass.getName();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
