package dev.usersession.spi;

/**
 * A bean state to write.
 *
 * @param beanId the bean's stable id
 * @param json the new encoded state
 * @param expectedVersion the version the state was read at, or {@link #NEW} when no row existed
 */
public record BeanStateChange(String beanId, String json, long expectedVersion) {

    /** The expected version of a row that does not exist yet. */
    public static final long NEW = 0;

    /** @return whether this change creates the row */
    public boolean isNew() {
        return expectedVersion == NEW;
    }
}
