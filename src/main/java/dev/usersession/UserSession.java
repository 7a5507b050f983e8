package dev.usersession;

import jakarta.enterprise.context.NormalScope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CDI scope whose beans belong to the logged-in user's session and whose state is stored in the application's
 * own database, so that it is there on any server node, after a restart or a redeployment, until the session ends.
 *
 * <h2>Lifetime</h2>
 * A user session starts at login (or through {@link UserSessions#open}) and ends at logout, when it times out, or when
 * it is ended through {@link UserSessions#end}. While it lasts, every request of that user sees the same state of each
 * {@code @UserSession} bean, whatever node serves the request. {@code @Observes @Initialized(UserSession.class)} and
 * {@code @Observes @Destroyed(UserSession.class)} (payload {@link UserSessionInfo}) and {@link UserSessionEnded}
 * (with the reason) tell the application when a session starts and ends; each fires exactly once per session, whoever
 * ends it and however many nodes do so at once (see {@link UserSessions} for the order and for renewals).
 *
 * <p>The context is bound to a <em>unit of work</em>: an HTTP request of an authenticated caller (an asynchronous one
 * until it completes; code on the application's own threads joins it through {@link UserSessions#propagate(Runnable)}),
 * or code run through {@link UserSessions#runIn(String, Runnable)}. Calling a {@code @UserSession} bean where no
 * session is bound throws a
 * {@link jakarta.enterprise.context.ContextNotActiveException} that says so.
 *
 * <h2>What is stored</h2>
 * A bean's state is its fields, excluding {@code static} and {@code transient} fields and fields the container injects
 * ({@code @Inject}, {@code @Resource}, {@code @PersistenceContext}, {@code @EJB}). The state is encoded as JSON with
 * JSON-B; Java serialization is never used. A unit of work loads a bean's state the first time it calls the bean, and
 * at its end writes back only the beans it used whose encoded state changed, in one transaction. Each stored row
 * carries a version: when two units of work change the same bean at the same time, the later one fails with
 * {@link UserSessionConflictException} and its change is not stored; no update is ever lost silently. On one node,
 * units of work that change a session take turns instead: the first call of a method that is not {@link ReadOnly}
 * waits (at most {@code usersession.write-wait}, then it throws {@link UserSessionConflictException}) until the other
 * has ended, and then runs on the state that one stored. Read-only units of work never wait.
 *
 * <h2>Rules for a bean's fields</h2>
 * <ul>
 *   <li>Every stored field must be of a type JSON-B can write and read back: primitives and their wrappers, strings,
 *   numbers, {@code java.time} types, enums, arrays, collections and maps of those, public records, and classes
 *   with a public or protected no-argument constructor whose fields follow the same rules. A field that breaks this
 * rule is a deployment error
 *   that names the bean and the field: mark it {@code transient} if it must not be stored.</li>
 *   <li>Nested objects are encoded field by field (getters and setters are not used).</li>
 *   <li>Adding or removing a field is safe: stored rows with fields the class no longer has load, and new fields keep
 *   the value the constructor gave them. A stored value that no longer fits its field (its type changed) is logged
 *   as an error naming the bean and the field, and the bean starts fresh.</li>
 *   <li>The bean class must be {@link java.io.Serializable}, as CDI requires of every passivating scope; the
 *   library does not use that serialization itself.</li>
 *   <li>Only bean classes can have this scope; a producer method or field declared {@code @UserSession} is a
 *   deployment error.</li>
 * </ul>
 *
 * <h2>Instances and callbacks</h2>
 * Each unit of work gets its own instance of a bean, created by the container as usual (injection,
 * {@code @PostConstruct} and interceptors work) and then given the stored field values. The instance is destroyed
 * ({@code @PreDestroy}) when the unit of work ends. Concurrent requests of one session therefore never share an
 * instance; they meet only in the database, where versions keep them honest.
 *
 * <h2>Which calls count as a change</h2>
 * A business method call marks the bean as used; at the end of the unit of work its state is compared with what was
 * loaded and written only if it differs. Methods (or whole classes) annotated {@link ReadOnly} do not mark the bean,
 * so a request that only reads never compares or writes. (How the library tracks this, for the curious: a bean with
 * some {@code @ReadOnly} methods gets the library's usage interceptor on its other methods; a bean without any is
 * marked by the scope on every call through its proxy, with no interceptor, which makes its calls cheaper.)
 *
 * <h2>Configuration</h2>
 * The application gives the library its persistence unit with one producer (see
 * {@link UserSessionPersistence}) and lists the library's entities in that unit with one line,
 * {@code <mapping-file>META-INF/usersession/orm.xml</mapping-file>}. Timeouts are set in {@link UserSessionConfig}.
 */
@NormalScope(passivating = true)
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface UserSession {}
