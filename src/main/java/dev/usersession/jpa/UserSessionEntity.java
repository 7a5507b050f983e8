package dev.usersession.jpa;

import dev.usersession.spi.SessionRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Row of table {@code user_session}: one per live session. The primary key is the SHA-256 of the session's token;
 * the token itself is never stored. Add this class to the application's persistence unit.
 */
@Entity
@Table(name = "user_session", indexes = {
        @Index(name = "user_session_user_name", columnList = "user_name"),
        @Index(name = "user_session_idle_expiry", columnList = "idle_expiry"),
        @Index(name = "user_session_absolute_expiry", columnList = "absolute_expiry")})
public class UserSessionEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "user_groups", length = 4000, nullable = false)
    private String groups;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "last_access", nullable = false)
    private Instant lastAccess;

    @Column(name = "idle_expiry", nullable = false)
    private Instant idleExpiry;

    @Column(name = "absolute_expiry", nullable = false)
    private Instant absoluteExpiry;

    @Column(name = "client", length = 512, nullable = false)
    private String client;

    @Column(name = "state_version", nullable = false)
    private long stateVersion;

    /** For JPA. */
    protected UserSessionEntity() {
    }

    /** @return a new entity holding the record's values */
    static UserSessionEntity of(SessionRecord record) {
        UserSessionEntity entity = new UserSessionEntity();
        entity.id = record.id();
        entity.userName = record.userName();
        entity.groups = Groups.join(record.groups());
        entity.created = record.created();
        entity.lastAccess = record.lastAccess();
        entity.idleExpiry = record.idleExpiry();
        entity.absoluteExpiry = record.absoluteExpiry();
        entity.client = record.client();
        entity.stateVersion = record.stateVersion();
        return entity;
    }

    /** @return the record this row holds */
    SessionRecord toRecord() {
        return new SessionRecord(id, userName, Groups.split(groups), created, lastAccess, idleExpiry, absoluteExpiry,
                client, stateVersion);
    }
}
