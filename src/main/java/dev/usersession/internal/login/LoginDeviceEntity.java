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
 * Row of table {@code login_device}: a browser that has logged in successfully as a user (OWASP's "device cookie").
 * The primary key is the SHA-256 of the device cookie's random value; the value itself is never stored. A login
 * that presents such a cookie for the same user is throttled on the device's own counter, so that an attacker who
 * keeps the user's name throttled cannot lock the owner out. Add this class to the persistence unit when the
 * application logs in through the library.
 */
@Cacheable(false)
@Entity(name = "UserSessionLoginDevice")
@Table(
        name = "login_device",
        indexes = {
            @Index(name = "login_device_user_name", columnList = "user_name"),
            @Index(name = "login_device_expires", columnList = "expires")
        })
public class LoginDeviceEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Column(name = "user_name", length = 255, nullable = false)
    private String userName;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "expires", nullable = false)
    private OffsetDateTime expires;

    /** For JPA. */
    protected LoginDeviceEntity() {}

    LoginDeviceEntity(String id, String userName, Instant created, Instant expires) {
        this.id = id;
        this.userName = userName;
        this.created = DatabaseTime.of(created);
        this.expires = DatabaseTime.of(expires);
    }

    String userName() {
        return userName;
    }

    boolean isLiveAt(Instant now) {
        return now.isBefore(DatabaseTime.toInstant(expires));
    }
}
