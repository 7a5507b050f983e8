/**
 * The audit trail: security-relevant events fired as CDI events and written as JSON lines to the server's log.
 */
package dev.usersession.internal.audit;
