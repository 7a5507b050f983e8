package dev.usersession.it.app;

import dev.usersession.EndReason;
import dev.usersession.UserSessions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asynchronous JAX-RS resources that change the {@link Counter} on another thread. {@code mode=conflict} has another
 * unit of work change the counter meanwhile; {@code mode=ended} ends the session meanwhile.
 */
@Path("async")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class AsyncCounterResource {

    @Inject
    Counter counter;

    @Inject
    UserSessions sessions;

    @Resource
    ManagedExecutorService executor;

    @POST
    @Path("suspended")
    public void suspended(@QueryParam("mode") String mode, @Suspended AsyncResponse response) {
        String sessionId = sessions.current().orElseThrow().id();
        executor.execute(sessions.propagate(() -> {
            int count = counter.increment();
            interfere(mode, sessionId);
            response.resume(String.valueOf(count));
        }));
    }

    @POST
    @Path("stage")
    public CompletionStage<String> stage(@QueryParam("mode") String mode) {
        String sessionId = sessions.current().orElseThrow().id();
        return CompletableFuture.supplyAsync(
                sessions.propagate(() -> {
                    int count = counter.increment();
                    interfere(mode, sessionId);
                    return String.valueOf(count);
                }),
                executor);
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        executor.execute(sessions.propagate(() -> {
            int count = counter.increment();
            sink.send(sse.newEvent("count", String.valueOf(count)))
                    .toCompletableFuture()
                    .join();
            try {
                sink.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private void interfere(String mode, String sessionId) {
        if ("conflict".equals(mode)) {
            sessions.runIn(sessionId, counter::increment);
        } else if ("ended".equals(mode)) {
            sessions.end(sessionId, EndReason.REVOKED);
        }
    }
}
