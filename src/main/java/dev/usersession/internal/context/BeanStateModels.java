package dev.usersession.internal.context;

import dev.usersession.internal.state.BeanStateModel;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state model and usage tracking of each {@code @UserSession} bean, built and checked at deployment by the
 * extension.
 */
final class BeanStateModels {

    /** What the library knows of one {@code @UserSession} bean. */
    record Known(BeanStateModel state, UsageTracking usage) {}

    private final Map<String, Known> byPassivationId = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> byBeanId = new ConcurrentHashMap<>();

    void add(Bean<?> bean, BeanStateModel model, UsageTracking usage) {
        byPassivationId.put(((PassivationCapable) bean).getId(), new Known(model, usage));
        byBeanId.put(model.beanId(), bean.getBeanClass());
    }

    /** @return the class of the bean whose state is stored under this id, when this deployment has such a bean */
    Optional<Class<?>> beanClass(String beanId) {
        return Optional.ofNullable(byBeanId.get(beanId));
    }

    Known of(Contextual<?> contextual) {
        Known known = contextual instanceof PassivationCapable capable ? byPassivationId.get(capable.getId()) : null;
        if (known == null) {
            throw new IllegalStateException(contextual + " is not a @UserSession bean known to usersession; was "
                    + "dev.usersession.internal.context.UserSessionExtension registered?");
        }
        return known;
    }
}
