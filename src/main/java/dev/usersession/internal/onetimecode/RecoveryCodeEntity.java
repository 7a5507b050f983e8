package dev.usersession.internal.onetimecode;

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
 * Row of table {@code user_recovery_code}: one unused recovery code of a user, as the SHA-256 of the user name and the
 * code; a code used is deleted. Add this class to the persistence unit when the application uses second factors or
 * passkeys.
 */
@Cacheable(false)
@Entity(name = "UserSessionRecoveryCode")
@Table(name = "user_recovery_code", indexes = @Index(name = "user_recovery_code_user_name", columnList = "user_name"))
public class RecoveryCodeEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    /** For JPA. */
    protected RecoveryCodeEntity() {}

    RecoveryCodeEntity(String id, String userName, Instant created) {
        this.id = id;
        this.userName = userName;
        this.created = DatabaseTime.of(created);
    }
}
