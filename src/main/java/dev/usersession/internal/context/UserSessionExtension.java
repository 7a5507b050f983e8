package dev.usersession.internal.context;

import dev.usersession.ReadOnly;
import dev.usersession.UserSession;
import dev.usersession.UserSessionConfig;
import dev.usersession.auth.RequiresLogin;
import dev.usersession.internal.state.BeanStateModel;
import dev.usersession.internal.state.InvalidBeanStateException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portable extension of the {@code @UserSession} scope (listed in {@code META-INF/services}, beside
 * {@code dev.usersession.internal.bootstrap.LibraryBeans}, which adds the library's beans): binds usage tracking to
 * every
 * {@code @UserSession} bean; checks at deployment that each such bean's state can be stored and that every
 * {@code usersession.*} setting has a usable value; and registers the {@link UserSessionContext}.
 */
public class UserSessionExtension implements Extension {

    private final BeanStateModels models = new BeanStateModels();
    private final List<String> bindingProblems = new ArrayList<>();

    /**
     * Binds usage tracking to each business method of a {@code @UserSession} bean that is not {@link ReadOnly}, when
     * the bean has read-only methods: a read-only method is not intercepted at all, so reading costs no more than the
     * scope's proxy. A bean without read-only methods needs no interceptor: the context marks it on every call (see
     * {@link UsageTracking}).
     */
    <T> void trackUsage(@Observes @WithAnnotations(UserSession.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        if (!type.isAnnotationPresent(UserSession.class) || UsageTracking.of(type) != UsageTracking.BY_INTERCEPTOR) {
            return;
        }
        event.configureAnnotatedType()
                .filterMethods(method -> !UsageTracking.isReadOnly(method)
                        && !method.isStatic()
                        && method.getJavaMember().getDeclaringClass() != Object.class)
                .forEach(method -> method.add(TrackUsage.Literal.INSTANCE));
    }

    <T> void checkState(@Observes ProcessManagedBean<T> event) {
        if (event.getBean().getScope() == UserSession.class) {
            try {
                models.add(
                        event.getBean(),
                        BeanStateModel.of(event.getBean().getBeanClass()),
                        UsageTracking.of(event.getAnnotatedBeanClass()));
            } catch (InvalidBeanStateException e) {
                event.addDefinitionError(e);
            }
        }
    }

    <T, X> void rejectProducerMethod(@Observes ProcessProducerMethod<T, X> event) {
        if (event.getBean().getScope() == UserSession.class) {
            event.addDefinitionError(producerError(
                    event.getAnnotatedProducerMethod().getJavaMember().toString()));
        }
    }

    <T, X> void rejectProducerField(@Observes ProcessProducerField<T, X> event) {
        if (event.getBean().getScope() == UserSession.class) {
            event.addDefinitionError(producerError(
                    event.getAnnotatedProducerField().getJavaMember().toString()));
        }
    }

    /**
     * A {@code @RequiresLogin(recent = ...)} that is not a positive ISO-8601 duration is a deployment problem (at run
     * time the guard refuses such a call).
     */
    <T> void checkRecent(@Observes @WithAnnotations(RequiresLogin.class) ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        checkRecent(type.getAnnotation(RequiresLogin.class), type.getJavaClass().getName());
        type.getMethods()
                .forEach(method -> checkRecent(
                        method.getAnnotation(RequiresLogin.class),
                        method.getJavaMember().toString()));
    }

    private void checkRecent(RequiresLogin binding, String where) {
        if (binding != null
                && !binding.recent().isEmpty()
                && RecentLogin.parse(binding.recent()).isEmpty()) {
            bindingProblems.add("@RequiresLogin(recent = \"" + binding.recent() + "\") on " + where
                    + " is not a positive ISO-8601 duration such as \"PT5M\"");
        }
    }

    void addContext(@Observes AfterBeanDiscovery event) {
        event.addContext(new UserSessionContext(models));
    }

    /**
     * Reads and checks every {@code usersession.*} setting once, at deployment (through the {@link UserSessionConfig}
     * bean the application resolves, which may be its own subclass): a value that cannot be used fails the
     * deployment, naming the setting and the values it allows, instead of failing requests later.
     */
    void checkSettings(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        for (String problem : beanManager
                .createInstance()
                .select(UserSessionConfig.class)
                .get()
                .problems()) {
            event.addDeploymentProblem(new DeploymentException(problem));
        }
        bindingProblems.forEach(problem -> event.addDeploymentProblem(new DeploymentException(problem)));
    }

    /**
     * Finds the class of a stored bean state among the {@code @UserSession} beans the container registered at
     * deployment (never by loading a class named in the database).
     *
     * @return the bean class whose state is stored under {@code beanId}; empty when this deployment has none
     */
    public Optional<Class<?>> beanClass(String beanId) {
        return models.beanClass(beanId);
    }

    private static DefinitionException producerError(String producer) {
        return new DefinitionException("@UserSession is for bean classes only, not for producer " + producer
                + ": the library stores a bean's fields, and a produced object has no bean class to restore");
    }
}
