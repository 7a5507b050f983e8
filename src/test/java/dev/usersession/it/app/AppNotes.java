package dev.usersession.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The test application's own table ({@code app_note}) and its own JPA mistakes: data that is not the library's, so
 * that its failures must reach the application's error handling, never the library's.
 */
@ApplicationScoped
public class AppNotes {

    @PersistenceContext(unitName = "it")
    EntityManager entityManager;

    /** Creates the application's table when it does not exist yet (its own transaction: DDL commits in H2). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createTable() {
        entityManager
                .createNativeQuery(
                        "create table if not exists app_note (id varchar(64) primary key, " + "text varchar(200))")
                .executeUpdate();
    }

    /**
     * Takes one of the library's tables away ({@code broken = true}) or puts it back: the library's store then fails
     * as it would with its database down. The bean-state table fails writes of state; the session table fails
     * reading the session that authenticates a request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void breakLibraryStore(String table, boolean broken) {
        if (!table.equals("user_session_bean") && !table.equals("user_session")) {
            throw new IllegalArgumentException("not a table of the library's store: " + table);
        }
        entityManager
                .createNativeQuery(
                        broken
                                ? "alter table " + table + " rename to " + table + "_gone"
                                : "alter table " + table + "_gone rename to " + table)
                .executeUpdate();
    }

    /**
     * Moves an account's credentials version on without anything else, as a password change committed by another
     * node does for a login whose pending step was read just before that change deleted it.
     *
     * @return how many accounts changed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int moveCredentialsVersionOn(String name) {
        return entityManager
                .createNativeQuery(
                        "update user_account set credentials_version = credentials_version + 1 " + "where name = ?1")
                .setParameter(1, name)
                .executeUpdate();
    }

    /** Adds a note in the caller's transaction, or in one of its own. */
    @Transactional
    public void add(String id) {
        entityManager
                .createNativeQuery("insert into app_note (id, text) values (?1, ?2)")
                .setParameter(1, id)
                .setParameter(2, "note " + id)
                .executeUpdate();
    }

    /** Adds the same note twice: the second insert breaks the primary key. */
    @Transactional
    public void addTwice(String id) {
        add(id);
        entityManager
                .createNativeQuery("insert into app_note (id, text) values (?1, ?2)")
                .setParameter(1, id)
                .setParameter(2, "again")
                .executeUpdate();
        entityManager.flush();
    }

    /** @return whether the note was committed */
    public boolean exists(String id) {
        return ((Number) entityManager
                                .createNativeQuery("select count(*) from app_note where id = ?1")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue()
                == 1;
    }

    /** Runs a JPQL query with a typo. */
    public Object queryWithTypo() {
        return entityManager.createQuery("selct n from NoSuchEntity n").getResultList();
    }
}
