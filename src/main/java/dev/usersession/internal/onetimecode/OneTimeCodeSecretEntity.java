package dev.usersession.internal.onetimecode;

import dev.usersession.internal.store.DatabaseTime;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Row of table {@code user_totp}: a user's one-time code (RFC 6238) secret, sealed (AES-GCM when a key is configured,
 * see {@code usersession.totp.key}), whether the user confirmed it with a first code, and the last time step whose
 * code was accepted (so that each code is accepted once). Add this class to the persistence unit when the application
 * uses second factors or passkeys.
 */
@Cacheable(false)
@Entity(name = "UserSessionTotp")
@Table(name = "user_totp")
public class OneTimeCodeSecretEntity {

    @Id
    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "secret", length = 200, nullable = false)
    private String secret;

    @Column(name = "confirmed", nullable = false)
    private boolean confirmed;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    /** For JPA. */
    protected OneTimeCodeSecretEntity() {}

    OneTimeCodeSecretEntity(String userName, String sealedSecret, Instant created) {
        this.userName = userName;
        this.secret = sealedSecret;
        this.created = DatabaseTime.of(created);
    }

    StoredOneTimeCodeSecret toRecord() {
        return new StoredOneTimeCodeSecret(userName, secret, confirmed, lastStep);
    }
}
