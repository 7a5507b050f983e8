package dev.usersession.example;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for {@code java.net.http} tests of one server: keeps each cookie's name and value as sent,
 * forgets one set with {@code Max-Age=0}. (The JDK's {@code CookieManager} sends cookies that carry {@code Max-Age}
 * in the obsolete RFC 2965 form, {@code $Version="1"; name="value"}, which is not what browsers send.)
 */
final class CookieJar extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((header, values) -> {
            if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(this::set);
            }
        });
    }

    private void set(String header) {
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        String name = parts[0].substring(0, equals).trim();
        boolean removed = false;
        for (int i = 1; i < parts.length; i++) {
            removed |= parts[i].trim().equalsIgnoreCase("Max-Age=0");
        }
        if (removed) {
            cookies.remove(name);
        } else {
            cookies.put(name, parts[0].substring(equals + 1).trim());
        }
    }
}
