/**
 * The implementation: nothing here is API, and none of it is in the javadoc jar. The public packages
 * ({@code dev.usersession}, {@code .auth}, {@code .admin}, {@code .spi}) never depend on these.
 *
 * <p>How the packages depend on each other, top to bottom (each uses only those below it and the public packages;
 * {@code dev.usersession.architecture.LayeringTest} checks it on every build, and that nothing here calls a public
 * facade):
 * <ol>
 * <li>{@code bootstrap}: registers every bean with CDI;</li>
 * <li>{@code web}, {@code web.rest}: servlets, the request filter, exception mappers;</li>
 * <li>{@code admin}: administration of other users' sessions;</li>
 * <li>{@code security}: the Jakarta Security mechanism, logins and their second steps, the identity store, the
 * {@code @RequiresLogin} interceptor, changes of factors, the administrator check;</li>
 * <li>{@code passkey}, {@code onetimecode}, {@code rememberme}, {@code devicebinding}: one package per kind of proof,
 * each with its entities, repository and verification ({@code devicebinding}: a browser's key, Device Bound Session
 * Credentials);</li>
 * <li>{@code login}: throttling, device cookies, login challenges (the steps that wait for the browser);</li>
 * <li>{@code account}, {@code audit}, {@code request}: accounts and passwords, the audit trail, what a request
 * carries (raw cookies, CSRF check, device names, request attributes);</li>
 * <li>{@code context}, {@code operations}: the scope's context, units of work and the one owner of a session's life;
 * readiness and the counts operators read;</li>
 * <li>{@code store}, {@code state}, {@code metrics}, {@code errors}: the JPA store and its transactions, the JSON
 * state of beans, metrics, the catalogue of failures.</li>
 * </ol>
 */
package dev.usersession.internal;
