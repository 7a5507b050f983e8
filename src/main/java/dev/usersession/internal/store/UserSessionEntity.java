package dev.usersession.internal.store;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import dev.usersession.spi.DeviceBinding;
import dev.usersession.spi.SessionRecord;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Row of table {@code user_session}: one per live session. The primary key is the SHA-256 of the session's token;
 * the token itself is never stored. Add this class to the application's persistence unit. Never held in the
 * provider's shared cache ({@code @Cacheable(false)}): other nodes change these rows.
 */
@Cacheable(false)
@Entity
@Table(
        name = "user_session",
        indexes = {
            @Index(name = "user_session_user_name", columnList = "user_name"),
            @Index(name = "user_session_idle_expiry", columnList = "idle_expiry"),
            @Index(name = "user_session_absolute_expiry", columnList = "absolute_expiry"),
            @Index(name = "user_session_created", columnList = "created"),
            @Index(name = "user_session_binding_id", columnList = "binding_id")
        })
public class UserSessionEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "user_groups", length = 4000, nullable = false)
    private String groups;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "last_access", nullable = false)
    private OffsetDateTime lastAccess;

    @Column(name = "idle_expiry", nullable = false)
    private OffsetDateTime idleExpiry;

    @Column(name = "absolute_expiry", nullable = false)
    private OffsetDateTime absoluteExpiry;

    @Column(name = "client", length = 512, nullable = false)
    private String client;

    @Column(name = "state_version", nullable = false)
    private long stateVersion;

    @Column(name = "password_at")
    private OffsetDateTime passwordAt;

    @Column(name = "one_time_code_at")
    private OffsetDateTime oneTimeCodeAt;

    @Column(name = "passkey_at")
    private OffsetDateTime passkeyAt;

    /** 1 or 2 (NIST AAL); 0 in rows written before the library recorded it (read as 1). */
    @Column(name = "assurance_level", nullable = false)
    private int assuranceLevel;

    @Column(name = "binding_challenge", length = 64)
    private String bindingChallenge;

    @Column(name = "binding_challenge_expiry")
    private OffsetDateTime bindingChallengeExpiry;

    @Column(name = "binding_id", length = 43)
    private String bindingId;

    /** The browser's public key, a JSON Web Key (an RSA key of 4096 bits is about 750 characters). */
    @Column(name = "binding_key", length = 2000)
    private String bindingKey;

    @Column(name = "bound_at")
    private OffsetDateTime boundAt;

    @Column(name = "bound_cookie_hash", length = 43)
    private String boundCookieHash;

    @Column(name = "bound_cookie_previous_hash", length = 43)
    private String boundCookiePreviousHash;

    @Column(name = "bound_cookie_expiry")
    private OffsetDateTime boundCookieExpiry;

    /**
     * Advanced by the database at every change of the row (the trigger of the PostgreSQL schema), never by the
     * library: a node's cache tells its own changes from other nodes' by it.
     */
    @Column(name = "row_version", nullable = false, updatable = false)
    private long rowVersion;

    /** For JPA. */
    protected UserSessionEntity() {}

    /** @return a new entity holding the record's values */
    static UserSessionEntity of(SessionRecord record) {
        UserSessionEntity entity = new UserSessionEntity();
        entity.id = record.id();
        entity.userName = record.userName();
        entity.groups = Groups.join(record.groups());
        entity.created = DatabaseTime.of(record.created());
        entity.lastAccess = DatabaseTime.of(record.lastAccess());
        entity.idleExpiry = DatabaseTime.of(record.idleExpiry());
        entity.absoluteExpiry = DatabaseTime.of(record.absoluteExpiry());
        entity.client = record.client();
        entity.stateVersion = record.stateVersion();
        SessionProofs proofs = record.proofs();
        entity.passwordAt = DatabaseTime.of(proofs.passwordAt());
        entity.oneTimeCodeAt = DatabaseTime.of(proofs.oneTimeCodeAt());
        entity.passkeyAt = DatabaseTime.of(proofs.passkeyAt());
        entity.assuranceLevel = proofs.level().ordinal() + 1;
        entity.setBinding(record.binding());
        return entity;
    }

    /** Holds the binding's values. */
    void setBinding(DeviceBinding binding) {
        bindingChallenge = binding.challenge();
        bindingChallengeExpiry = DatabaseTime.of(binding.challengeExpiry());
        bindingId = binding.id();
        bindingKey = binding.publicKey();
        boundAt = DatabaseTime.of(binding.boundAt());
        boundCookieHash = binding.cookieHash();
        boundCookiePreviousHash = binding.previousCookieHash();
        boundCookieExpiry = DatabaseTime.of(binding.cookieExpiry());
    }

    /** @return the row as the node's cache keeps it */
    SessionCache.Row toCachedRow() {
        return new SessionCache.Row(toRecord(), rowVersion);
    }

    /** @return the record this row holds */
    SessionRecord toRecord() {
        return new SessionRecord(
                id,
                userName,
                Groups.split(groups),
                DatabaseTime.toInstant(created),
                DatabaseTime.toInstant(lastAccess),
                DatabaseTime.toInstant(idleExpiry),
                DatabaseTime.toInstant(absoluteExpiry),
                client,
                stateVersion,
                new SessionProofs(
                        DatabaseTime.toInstant(passwordAt),
                        DatabaseTime.toInstant(oneTimeCodeAt),
                        DatabaseTime.toInstant(passkeyAt),
                        assuranceLevel >= 2 ? AssuranceLevel.AAL2 : AssuranceLevel.AAL1),
                new DeviceBinding(
                        bindingChallenge,
                        DatabaseTime.toInstant(bindingChallengeExpiry),
                        bindingId,
                        bindingKey,
                        DatabaseTime.toInstant(boundAt),
                        boundCookieHash,
                        boundCookiePreviousHash,
                        DatabaseTime.toInstant(boundCookieExpiry)));
    }
}
