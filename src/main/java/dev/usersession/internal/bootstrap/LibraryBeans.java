package dev.usersession.internal.bootstrap;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.UserSessionMechanism;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.PasswordHashing;
import dev.usersession.internal.admin.AdminAccess;
import dev.usersession.internal.admin.DefaultUserSessionAdmin;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.ExpiredSessionCleanup;
import dev.usersession.internal.context.NodeStateCache;
import dev.usersession.internal.context.SessionLifecycle;
import dev.usersession.internal.context.SessionLifecycleEvents;
import dev.usersession.internal.context.SessionWriteLocks;
import dev.usersession.internal.context.UsageTrackingInterceptor;
import dev.usersession.internal.context.UserSessionManager;
import dev.usersession.internal.devicebinding.DeviceBindings;
import dev.usersession.internal.errors.ErrorResponses;
import dev.usersession.internal.login.DeviceCookie;
import dev.usersession.internal.login.JpaLoginChallenges;
import dev.usersession.internal.login.JpaLoginRecords;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.metrics.SessionMetrics;
import dev.usersession.internal.onetimecode.JpaOneTimeCodes;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
import dev.usersession.internal.operations.ActiveSessionCount;
import dev.usersession.internal.operations.StoreProbe;
import dev.usersession.internal.passkey.JpaPasskeys;
import dev.usersession.internal.passkey.PasskeyFactor;
import dev.usersession.internal.rememberme.JpaRememberMe;
import dev.usersession.internal.rememberme.RememberMe;
import dev.usersession.internal.request.CsrfProtection;
import dev.usersession.internal.request.CurrentRequest;
import dev.usersession.internal.security.CallerGroups;
import dev.usersession.internal.security.CallerSessions;
import dev.usersession.internal.security.DefaultUserAccounts;
import dev.usersession.internal.security.DefaultUserCredentials;
import dev.usersession.internal.security.DefaultUserSessions;
import dev.usersession.internal.security.FactorChanges;
import dev.usersession.internal.security.FactorLogins;
import dev.usersession.internal.security.InvalidTokenLog;
import dev.usersession.internal.security.JpaIdentityStore;
import dev.usersession.internal.security.OtherMechanismSessions;
import dev.usersession.internal.security.RequiresLoginInterceptor;
import dev.usersession.internal.security.SessionAuthentication;
import dev.usersession.internal.security.SessionCookie;
import dev.usersession.internal.security.SessionLogin;
import dev.usersession.internal.security.UserSessionAuthenticationMechanism;
import dev.usersession.internal.store.CachedSessions;
import dev.usersession.internal.store.JpaUserSessionStore;
import dev.usersession.internal.store.OwnTransactions;
import dev.usersession.internal.store.StoreOutageLog;
import dev.usersession.internal.store.StoreTransactions;
import dev.usersession.internal.web.LoginOutcomes;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import java.util.List;

/**
 * The portable extension that adds the library's own beans and interceptors (listed in {@code META-INF/services},
 * beside the scope's {@code dev.usersession.internal.context.UserSessionExtension}), so that the library needs no
 * {@code beans.xml} and works whatever the application's bean discovery mode. It is the one place that knows every
 * package; nothing depends on it.
 */
public class LibraryBeans implements Extension {

    private static final List<Class<?>> LIBRARY_BEANS = List.of(
            // what applications use (the implementations of the public interfaces)
            DefaultUserSessions.class,
            DefaultUserAccounts.class,
            UserSessionConfig.class,
            UserSessionClock.class,
            // the scope
            UserSessionManager.class,
            NodeStateCache.class,
            CachedSessions.class,
            SessionWriteLocks.class,
            UsageTrackingInterceptor.class,
            SessionLifecycleEvents.class,
            SessionLifecycle.class,
            ExpiredSessionCleanup.class,
            // storage
            JpaUserSessionStore.class,
            JpaAccountRepository.class,
            JpaLoginRecords.class,
            StoreTransactions.class,
            StoreOutageLog.class,
            OwnTransactions.class,
            // authentication
            UserSessionAuthenticationMechanism.class,
            SessionAuthentication.class,
            SessionLogin.class,
            SessionCookie.class,
            CsrfProtection.class,
            InvalidTokenLog.class,
            JpaIdentityStore.class,
            PasswordHashing.class,
            LoginGuard.class,
            DeviceCookie.class,
            RequiresLoginInterceptor.class,
            // second factors and passkeys
            DefaultUserCredentials.class,
            LoginChallenges.class,
            OneTimeCodeFactor.class,
            PasskeyFactor.class,
            FactorLogins.class,
            CallerGroups.class,
            JpaLoginChallenges.class,
            JpaOneTimeCodes.class,
            JpaPasskeys.class,
            RememberMe.class,
            JpaRememberMe.class,
            DeviceBindings.class,
            CallerSessions.class,
            OtherMechanismSessions.class,
            FactorChanges.class,
            AuditTrail.class,
            CurrentRequest.class,
            // operations
            SessionMetrics.class,
            ActiveSessionCount.class,
            StoreProbe.class,
            DefaultUserSessionAdmin.class,
            AdminAccess.class,
            // web
            ErrorResponses.class,
            LoginOutcomes.class);

    /**
     * Jakarta Security 4.0 (Payara 7) has {@code HttpAuthenticationMechanismHandler}: the library's mechanism is then
     * qualified only, and its handler combines it with the application's other mechanism. Jakarta Security 3.0
     * (WildFly 39) has no handler: the mechanism stays the {@code @Default} one, as the container looks it up.
     */
    private static final String HANDLER_API =
            "jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler";

    private static final String HANDLER = "dev.usersession.internal.security.UserSessionMechanismHandler";
    private static final boolean HAS_HANDLER_API = isPresent(HANDLER_API);
    /** The readiness check of the store is added where the server has MicroProfile Health. */
    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    private static final String READINESS = "dev.usersession.internal.operations.SessionStoreReadiness";

    /** Whether the library registered its mechanism: decided before any bean exists, checked once they do. */
    private boolean mechanism;

    void addLibraryBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        mechanism = UserSessionConfig.mechanismEnabledInSources();
        for (Class<?> type : LIBRARY_BEANS) {
            if (type == UserSessionAuthenticationMechanism.class && !mechanism) {
                continue; // the server or the application's own mechanism authenticates (CallerSessions)
            }
            AnnotatedTypeConfigurator<?> added = event.addAnnotatedType(type, "usersession." + type.getName());
            if (type == UserSessionAuthenticationMechanism.class && !HAS_HANDLER_API) {
                added.add(Default.Literal.INSTANCE);
            }
        }
        if (HAS_HANDLER_API && mechanism) {
            event.addAnnotatedType(load(HANDLER), "usersession." + HANDLER);
        }
        if (isPresent(HEALTH_API)) {
            event.addAnnotatedType(load(READINESS), "usersession." + READINESS);
        }
    }

    /**
     * The library's handler combines its mechanism with one other: an application with several must bring its own
     * {@code HttpAuthenticationMechanismHandler}, else the deployment fails saying so.
     */
    void checkMechanisms(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        checkMechanismSetting(event, beanManager);
        if (HAS_HANDLER_API) {
            Handlers.check(event, beanManager);
        }
    }

    /**
     * The mechanism was registered, or not, from the configuration sources, before the application's configuration
     * bean could exist: a bean that answers otherwise would be silently ignored, so it fails the deployment instead.
     */
    private void checkMechanismSetting(AfterDeploymentValidation event, BeanManager beanManager) {
        UserSessionConfig config =
                beanManager.createInstance().select(UserSessionConfig.class).get();
        boolean configured;
        try {
            configured = config.mechanismEnabled();
        } catch (IllegalStateException cannotBeUsed) {
            return; // the check of every setting reports it
        }
        if (configured != mechanism) {
            String bean = beanManager
                    .resolve(beanManager.getBeans(UserSessionConfig.class))
                    .getBeanClass()
                    .getName();
            event.addDeploymentProblem(new DeploymentException("The setting usersession.mechanism.enabled is "
                    + mechanism + " in the configuration sources but " + bean + " answers " + configured
                    + ": it decides which beans exist, so the library reads it before any bean is created. Give it "
                    + "in the configuration sources (a system property, an environment variable or "
                    + "META-INF/microprofile-config.properties), not in a subclass of UserSessionConfig"));
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, LibraryBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, LibraryBeans.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The library jar is incomplete: " + className, e);
        }
    }

    /** Kept apart so that it is loaded only where Jakarta Security 4.0's handler exists. */
    private static final class Handlers {
        static void check(AfterDeploymentValidation event, BeanManager beanManager) {
            long others = beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(bean -> !bean.getQualifiers().contains(UserSessionMechanism.Literal.INSTANCE))
                    .count();
            Bean<?> handler = beanManager.resolve(beanManager.getBeans(HttpAuthenticationMechanismHandler.class));
            if (others > 1
                    && handler != null
                    && handler.getBeanClass().getName().equals(HANDLER)) {
                event.addDeploymentProblem(new DeploymentException("The application has " + others
                        + " authentication mechanisms besides usersession's: add an HttpAuthenticationMechanismHandler "
                        + "(@Alternative @Priority(APPLICATION)) that chooses between them; inject usersession's with "
                        + "@UserSessionMechanism"));
            }
        }
    }
}
