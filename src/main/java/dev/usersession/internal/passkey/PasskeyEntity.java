package dev.usersession.internal.passkey;

import dev.usersession.internal.store.DatabaseTime;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Row of table {@code user_passkey}: a passkey (WebAuthn credential) a user registered. The primary key is the
 * SHA-256 of the credential id. Add this class to the persistence unit when the application uses second factors or
 * passkeys.
 */
@Cacheable(false)
@Entity(name = "UserSessionPasskey")
@Table(name = "user_passkey", indexes = @Index(name = "user_passkey_user_name", columnList = "user_name"))
public class PasskeyEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Column(name = "credential_id", length = 1400, nullable = false)
    private String credentialId;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "user_handle", length = 64, nullable = false)
    private String userHandle;

    @Column(name = "public_key", length = 2000, nullable = false)
    private String publicKey;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "transports", length = 200, nullable = false)
    private String transports;

    @Column(name = "aaguid", length = 36, nullable = false)
    private String aaguid;

    @Column(name = "backup_eligible", nullable = false)
    private boolean backupEligible;

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "last_used")
    private OffsetDateTime lastUsed;

    /** For JPA. */
    protected PasskeyEntity() {}

    static PasskeyEntity of(StoredPasskey passkey) {
        PasskeyEntity entity = new PasskeyEntity();
        entity.id = passkey.id();
        entity.credentialId = passkey.credentialId();
        entity.userName = passkey.userName();
        entity.userHandle = passkey.userHandle();
        entity.publicKey = passkey.publicKey();
        entity.signCount = passkey.signCount();
        entity.transports = String.join(",", passkey.transports());
        entity.aaguid = passkey.aaguid();
        entity.backupEligible = passkey.backupEligible();
        entity.name = passkey.name();
        entity.created = DatabaseTime.of(passkey.created());
        entity.lastUsed = DatabaseTime.of(passkey.lastUsed());
        return entity;
    }

    StoredPasskey toRecord() {
        return new StoredPasskey(
                id,
                credentialId,
                userName,
                userHandle,
                publicKey,
                signCount,
                transports.isEmpty() ? java.util.List.of() : java.util.List.of(transports.split(",")),
                aaguid,
                backupEligible,
                name,
                DatabaseTime.toInstant(created),
                DatabaseTime.toInstant(lastUsed));
    }
}
