package dev.usersession.it.app;

import dev.usersession.admin.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Collectors;

/** The application's observer of the library's audit events: the last 500, one line each (type user actor). */
@ApplicationScoped
public class ObservedAuditEvents {

    private final Deque<String> lines = new ConcurrentLinkedDeque<>();

    void seen(@Observes AuditEvent event) {
        lines.addLast(event.type() + " " + event.userName() + " " + event.actor());
        while (lines.size() > 500) {
            lines.pollFirst();
        }
    }

    public String lines() {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
