package dev.usersession.internal.store;

import dev.usersession.spi.BeanStateRecord;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Row of table {@code user_session_bean}: the JSON state of one {@code @UserSession} bean in one session, with the
 * version that guards concurrent writes. Add this class to the application's persistence unit.
 */
@Cacheable(false)
@Entity
@IdClass(UserSessionBeanEntity.Key.class)
@Table(name = "user_session_bean")
public class UserSessionBeanEntity {

    @Id
    @Column(name = "session_id", length = 43, nullable = false)
    private String sessionId;

    @Id
    @Column(name = "bean_id", length = 255, nullable = false)
    private String beanId;

    @Column(name = "state", length = 1_000_000, nullable = false)
    private String state;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "updated", nullable = false)
    private OffsetDateTime updated;

    /** For JPA. */
    protected UserSessionBeanEntity() {}

    UserSessionBeanEntity(String sessionId, String beanId, String state, long version, Instant updated) {
        this.sessionId = sessionId;
        this.beanId = beanId;
        this.state = state;
        this.version = version;
        this.updated = DatabaseTime.of(updated);
    }

    /** @return the record this row holds */
    BeanStateRecord toRecord() {
        return new BeanStateRecord(beanId, state, version);
    }

    /** The primary key: session and bean. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String sessionId;
        private String beanId;

        /** For JPA. */
        public Key() {}

        /**
         * @param sessionId the session's id
         * @param beanId the bean's stable id
         */
        public Key(String sessionId, String beanId) {
            this.sessionId = sessionId;
            this.beanId = beanId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(sessionId, key.sessionId)
                    && Objects.equals(beanId, key.beanId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, beanId);
        }
    }
}
