package dev.usersession.internal.web;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the JSON answers of the library's endpoints: never cached, UTF-8. */
public final class JsonResponses {

    private JsonResponses() {}

    public static void write(HttpServletResponse response, JsonStructure json) throws IOException {
        write(response, json.toString());
    }

    public static void write(HttpServletResponse response, String json) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
