package dev.usersession.internal.account;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.Groups;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Row of table {@code user_account}, read by the library's JPA identity store: a user name, a password hash in the
 * Jakarta Security {@code Pbkdf2PasswordHash} format, groups, whether the account is enabled, and a version of its
 * credentials that every change of password, groups or enablement moves on.
 * Add this class to the persistence unit when the application uses that identity store.
 */
@Cacheable(false)
@Entity(name = "UserSessionAccount")
@Table(name = "user_account")
public class UserAccountEntity {

    @Id
    @Column(name = "name", length = 255, nullable = false)
    private String name;

    @Column(name = "password_hash", length = 512, nullable = false)
    private String passwordHash;

    @Column(name = "user_groups", length = 4000, nullable = false)
    private String groups;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "credentials_version", nullable = false)
    private long credentialsVersion;

    /** For JPA. */
    protected UserAccountEntity() {}

    UserAccountEntity(String name, String passwordHash, String groups, Instant created) {
        this.name = name;
        this.passwordHash = passwordHash;
        this.groups = groups;
        this.enabled = true;
        this.created = DatabaseTime.of(created);
    }

    StoredAccount toRecord() {
        return new StoredAccount(name, passwordHash, Groups.split(groups), enabled, credentialsVersion);
    }
}
