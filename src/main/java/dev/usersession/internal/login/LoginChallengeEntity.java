package dev.usersession.internal.login;

import dev.usersession.internal.store.DatabaseTime;
import dev.usersession.internal.store.Groups;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Row of table {@code login_challenge}: a {@link LoginChallenge}. Add this class to the persistence unit when the
 * application uses second factors or passkeys.
 */
@Cacheable(false)
@Entity(name = "UserSessionLoginChallenge")
@Table(
        name = "login_challenge",
        indexes = {
            @Index(name = "login_challenge_expires", columnList = "expires"),
            @Index(name = "login_challenge_user_name", columnList = "user_name")
        })
public class LoginChallengeEntity {

    @Id
    @Column(name = "id", length = 43, nullable = false)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", length = 24, nullable = false)
    private LoginChallenge.Purpose purpose;

    @Column(name = "user_name", length = 255)
    private String userName;

    @Column(name = "user_groups", length = 4000)
    private String groups;

    @Column(name = "session_id", length = 43)
    private String sessionId;

    @Column(name = "challenge", length = 100)
    private String challenge;

    @Column(name = "password_at")
    private OffsetDateTime passwordAt;

    @Column(name = "credentials_version")
    private Long credentialsVersion;

    @Column(name = "created", nullable = false)
    private OffsetDateTime created;

    @Column(name = "expires", nullable = false)
    private OffsetDateTime expires;

    /** For JPA. */
    protected LoginChallengeEntity() {}

    static LoginChallengeEntity of(LoginChallenge step) {
        LoginChallengeEntity entity = new LoginChallengeEntity();
        entity.id = step.id();
        entity.purpose = step.purpose();
        entity.userName = step.userName();
        entity.groups = Groups.join(step.groups());
        entity.sessionId = step.sessionId();
        entity.challenge = step.challenge();
        entity.passwordAt = DatabaseTime.of(step.passwordAt());
        entity.credentialsVersion = step.credentialsVersion();
        entity.created = DatabaseTime.of(step.created());
        entity.expires = DatabaseTime.of(step.expires());
        return entity;
    }

    void setChallenge(String newChallenge) {
        challenge = newChallenge;
    }

    LoginChallenge toRecord() {
        return new LoginChallenge(
                id,
                purpose,
                userName,
                groups == null ? null : Groups.split(groups),
                sessionId,
                challenge,
                DatabaseTime.toInstant(passwordAt),
                credentialsVersion,
                DatabaseTime.toInstant(created),
                DatabaseTime.toInstant(expires));
    }
}
