package dev.usersession.spi;

/**
 * The stored state of one bean of one session.
 *
 * @param beanId the bean's stable id (its class name)
 * @param json the encoded state
 * @param version advanced by every write of this row
 */
public record BeanStateRecord(String beanId, String json, long version) {}
