package dev.usersession.internal.rememberme;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.spi.DeviceBinding;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Row of table {@code remember_me}: one "keep me signed in" series of a browser. The primary key is the SHA-256 of
 * the series value in the cookie; the current token and the one before it (accepted while the current one has not come
 * back: a lost response) are stored as SHA-256 only. Add this class to the persistence unit when the application logs
 * in through the library.
 */
@Cacheable(false)
@Entity(name = "UserSessionRememberMe")
@Table(
        name = "remember_me",
        indexes = {
            @Index(name = "remember_me_user_name", columnList = "user_name"),
            @Index(name = "remember_me_expires", columnList = "expires"),
            @Index(name = "remember_me_binding_id", columnList = "binding_id")
        })
public class RememberMeEntity {

    @Id
    @Column(name = "series", length = 43, nullable = false)
    private String series;

    @Column(name = "token_hash", length = 43, nullable = false)
    private String tokenHash;

    @Column(name = "previous_token_hash", length = 43)
    private String previousTokenHash;

    @Column(name = "rotated")
    private OffsetDateTime rotated;

    @Column(name = "token_seen", nullable = false)
    private boolean tokenSeen;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "expires", nullable = false)
    private OffsetDateTime expires;

    @Column(name = "binding_id", length = 43)
    private String bindingId;

    /** The browser key of the device-bound session this series belongs to, a JSON Web Key. */
    @Column(name = "binding_key", length = 2000)
    private String bindingKey;

    @Column(name = "binding_challenge", length = 64)
    private String bindingChallenge;

    @Column(name = "binding_challenge_expiry")
    private OffsetDateTime bindingChallengeExpiry;

    /** For JPA. */
    protected RememberMeEntity() {}

    RememberMeEntity(String series, String tokenHash, String userName, Instant created, Instant expires) {
        this.series = series;
        this.tokenHash = tokenHash;
        this.userName = userName;
        this.created = DatabaseTime.of(created);
        this.expires = DatabaseTime.of(expires);
    }

    RememberedSeries toRecord() {
        return new RememberedSeries(
                series,
                tokenHash,
                previousTokenHash,
                DatabaseTime.toInstant(rotated),
                tokenSeen,
                userName,
                DatabaseTime.toInstant(expires),
                new DeviceBinding(
                        bindingChallenge,
                        DatabaseTime.toInstant(bindingChallengeExpiry),
                        bindingId,
                        bindingKey,
                        null,
                        null,
                        null,
                        null));
    }
}
