package dev.usersession.operations;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stored state of a bean as an administrator may see it: the JSON the store holds, with the value of every
 * member whose name suggests a secret ({@code password}, {@code secret}, {@code token}, {@code credential},
 * {@code apiKey}, {@code privateKey}, any case, anywhere in the name) replaced by {@code "[redacted]"}, at any depth.
 * State that is not valid JSON (a tampered row) is shown as a note, never as its text.
 */
public final class RedactedState {

    /** What replaces a secret's value. */
    public static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|api_?key|private_?key).*");

    private RedactedState() {
    }

    /** @return the state with secrets' values replaced */
    public static JsonValue of(String storedJson) {
        try (JsonReader reader = Json.createReader(new StringReader(storedJson))) {
            return redact(reader.readValue());
        } catch (JsonParsingException | IllegalStateException e) {
            return Json.createValue("[not valid JSON: " + storedJson.length() + " characters]");
        }
    }

    private static JsonValue redact(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    object.add(member.getKey(), SECRET_NAME.matcher(member.getKey()).matches()
                            && member.getValue().getValueType() != JsonValue.ValueType.NULL
                            ? Json.createValue(REDACTED) : redact(member.getValue()));
                }
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                value.asJsonArray().forEach(element -> array.add(redact(element)));
                yield array.build();
            }
            default -> value;
        };
    }
}
