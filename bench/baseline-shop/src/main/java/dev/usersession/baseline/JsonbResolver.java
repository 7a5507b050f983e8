package dev.usersession.baseline;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every response of the baseline's API. Without a resolver, RESTEasy (WildFly) builds a new
 * {@code Jsonb} for each response it writes, which costs more than the rest of a cached read; a {@code Jsonb} is
 * thread-safe and meant to be shared. Every Jakarta REST application that answers JSON-B should have one.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
