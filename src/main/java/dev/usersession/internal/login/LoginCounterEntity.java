package dev.usersession.internal.login;

import dev.usersession.internal.store.DatabaseTime;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Row of table {@code login_attempts}: the failed-login counter of one subject of login throttling (a submitted user
 * name, a trusted device, a client address, or all logins). The subject is stored as a kind and the SHA-256 of its
 * value, so that names nobody has (an attacker's guesses) and client addresses are not kept in clear. Add this class
 * to the persistence unit when the application logs in through the library. Never cached: every node counts here.
 */
@Cacheable(false)
@Entity(name = "UserSessionLoginCounter")
@Table(name = "login_attempts", indexes = @Index(name = "login_attempts_updated", columnList = "updated"))
public class LoginCounterEntity {

    @Id
    @Column(name = "subject", length = 80, nullable = false)
    private String subject;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "window_start", nullable = false)
    private OffsetDateTime windowStart;

    @Column(name = "blocked_until")
    private OffsetDateTime blockedUntil;

    @Column(name = "updated", nullable = false)
    private OffsetDateTime updated;

    /** For JPA. */
    protected LoginCounterEntity() {}

    LoginCounterEntity(String subject, Instant now) {
        this.subject = subject;
        this.windowStart = DatabaseTime.of(now);
        this.updated = DatabaseTime.of(now);
    }

    LoginCounter toRecord() {
        return new LoginCounter(
                subject, attempts, DatabaseTime.toInstant(windowStart), DatabaseTime.toInstant(blockedUntil));
    }

    /** @return whether nothing is counted: no attempts and no wait (the same as no row) */
    boolean isEmpty() {
        return attempts == 0 && blockedUntil == null;
    }

    void set(LoginCounter counter, Instant now) {
        attempts = counter.attempts();
        windowStart = DatabaseTime.of(counter.windowStart());
        blockedUntil = DatabaseTime.of(counter.blockedUntil());
        updated = DatabaseTime.of(now);
    }
}
