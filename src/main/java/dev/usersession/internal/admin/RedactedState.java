package dev.usersession.internal.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * The stored state of a bean as an administrator may see it: {@code {"shown":{...},"hidden":{...}}}. Under
 * {@code shown}, the fields the application marked {@link dev.usersession.admin.AdminVisible}, with their values as
 * stored;
 * under {@code hidden}, every other field with the size of its stored JSON value in characters, never the value.
 * Hiding is the default so that a field nobody thought about (a PIN, a card number, a token) is never shown. State
 * that is not a JSON object (a tampered row) is shown as a note, never as its text.
 */
public final class RedactedState {

    private RedactedState() {}

    /**
     * @param storedJson the bean's stored state
     * @param visibleFields the keys whose values may be shown; empty when the bean's class is unknown (then nothing
     *     is shown)
     * @return what an administrator may see of it
     */
    public static JsonValue of(String storedJson, Set<String> visibleFields) {
        JsonObject stored;
        try (JsonReader reader = Json.createReader(new StringReader(storedJson))) {
            stored = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return Json.createValue("[not a JSON object: " + storedJson.length() + " characters]");
        }
        JsonObjectBuilder shown = Json.createObjectBuilder();
        JsonObjectBuilder hidden = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> field : stored.entrySet()) {
            if (visibleFields.contains(field.getKey())) {
                shown.add(field.getKey(), field.getValue());
            } else {
                hidden.add(field.getKey(), field.getValue().toString().length());
            }
        }
        return Json.createObjectBuilder()
                .add("shown", shown)
                .add("hidden", hidden)
                .build();
    }
}
