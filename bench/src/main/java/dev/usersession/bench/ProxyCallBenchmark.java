package dev.usersession.bench;

import dev.usersession.UserSessions;
import dev.usersession.internal.bootstrap.LibraryBeans;
import dev.usersession.internal.context.UserSessionExtension;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.spi.UserSessionStore;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.environment.se.Weld;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A business-method call through the client proxy of the same bean in {@code @UserSession},
 * {@code @SessionScoped} (Weld's bound session context) and {@code @ApplicationScoped}, with the instance already
 * created: the per-call cost of the scope. The {@code @UserSession} calls: a {@code @ReadOnly} method (not
 * intercepted, nothing marked), a changing method of the same bean (the usage interceptor marks it), and a changing
 * method of a bean without read-only methods (no interceptor; the context marks it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProxyCallBenchmark {

    private SeContainer container;
    private Beans.InUserSession userSessionBean;
    private Beans.InUserSessionWithoutReadOnly userSessionBeanWithoutReadOnly;
    private Beans.InHttpSession sessionScopedBean;
    private Beans.InApplication applicationBean;
    private BoundSessionContext sessionContext;
    private UserSessionManager manager;
    private final Map<String, Object> httpSession = new HashMap<>();
    private int counter;

    @Setup(Level.Trial)
    public void boot() {
        container = new Weld().disableDiscovery()
                .addExtension(new UserSessionExtension())
                .addExtension(new LibraryBeans())
                .addBeanClasses(BenchPersistence.class, Pbkdf2PasswordHashImpl.class, Beans.InUserSession.class,
                        Beans.InUserSessionWithoutReadOnly.class,
                        Beans.InHttpSession.class, Beans.InApplication.class)
                .initialize();
        userSessionBean = container.select(Beans.InUserSession.class).get();
        userSessionBeanWithoutReadOnly = container.select(Beans.InUserSessionWithoutReadOnly.class).get();
        sessionScopedBean = container.select(Beans.InHttpSession.class).get();
        applicationBean = container.select(Beans.InApplication.class).get();
        sessionContext = container.select(BoundSessionContext.class).get();
        manager = container.select(UserSessionManager.class).get();
        String id = container.select(UserSessions.class).get().open("bench", Set.of(), "jmh").session().id();
        // Bind a unit of work and a session to the benchmark thread for the whole run.
        manager.begin(container.select(UserSessionStore.class).get().find(id).orElseThrow());
        sessionContext.associate(httpSession);
        sessionContext.activate();
        userSessionBean.value();
        userSessionBeanWithoutReadOnly.value();
        sessionScopedBean.value();
        applicationBean.value();
    }

    @TearDown(Level.Trial)
    public void shutDown() {
        manager.discardIfBound();
        sessionContext.deactivate();
        sessionContext.dissociate(httpSession);
        container.close();
    }

    @Benchmark
    public int userSessionReadOnly() {
        return userSessionBean.value();
    }

    @Benchmark
    public void userSessionChanging() {
        userSessionBean.set(counter++);
    }

    @Benchmark
    public void userSessionChangingWithoutReadOnlyMethods() {
        userSessionBeanWithoutReadOnly.set(counter++);
    }

    @Benchmark
    public int sessionScoped() {
        return sessionScopedBean.value();
    }

    @Benchmark
    public void sessionScopedChanging() {
        sessionScopedBean.set(counter++);
    }

    @Benchmark
    public int applicationScoped() {
        return applicationBean.value();
    }
}
