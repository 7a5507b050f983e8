package dev.usersession.internal.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a field of a small form or JSON body, whichever the request sent; a field that is a JSON object comes as its
 * JSON text.
 */
public final class RequestBodies {

    private static final int MAX_JSON_BYTES = 16 * 1024;

    private RequestBodies() {}

    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    /** @return the body's fields, from JSON or from form parameters */
    public static Fields read(HttpServletRequest request) throws IOException {
        if (!isJson(request)) {
            return name -> Optional.ofNullable(request.getParameter(name));
        }
        JsonObject json;
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                return name -> Optional.empty();
            }
            try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                json = reader.readObject();
            }
        } catch (JsonException | IllegalStateException e) {
            return name -> Optional.empty();
        }
        return name -> {
            JsonValue value = json.get(name);
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return Optional.of(String.valueOf(value == JsonValue.TRUE));
            }
            if (value instanceof JsonObject object) { // a passkey's credential: passed on as JSON text
                return Optional.of(object.toString());
            }
            return value instanceof JsonString string ? Optional.of(string.getString()) : Optional.empty();
        };
    }

    /** The fields of a body. */
    public interface Fields {
        Optional<String> get(String name);

        /** @return whether the field is a checked box or {@code true} */
        default boolean isChecked(String name) {
            return get(name)
                    .filter(value -> value.equals("true") || value.equals("on"))
                    .isPresent();
        }
    }
}
