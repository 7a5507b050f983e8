/**
 * What the library measures and where it goes: {@link dev.usersession.internal.metrics.SessionMetrics} is the one place
 * that
 * records logins by outcome, ended sessions by reason, write conflicts, store failures and latency, encoded state size
 * per bean type, the clean-up's work and the active-session gauge, and it hands them to the metrics API the server
 * gives the application, detected at deployment: Micrometer (WildFly's micrometer subsystem) or MicroProfile Metrics 5
 * (Payara), or none. Uses only the library's public types; {@code jpa}, {@code context} and {@code operations} call it.
 */
package dev.usersession.internal.metrics;
