package dev.usersession.context;

import dev.usersession.state.BeanStateModel;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.PassivationCapable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The state model of each {@code @UserSession} bean, built and checked at deployment by the extension. */
final class BeanStateModels {

    private final Map<String, BeanStateModel> byPassivationId = new ConcurrentHashMap<>();

    void add(Bean<?> bean, BeanStateModel model) {
        byPassivationId.put(((PassivationCapable) bean).getId(), model);
    }

    BeanStateModel of(Contextual<?> contextual) {
        BeanStateModel model = contextual instanceof PassivationCapable capable
                ? byPassivationId.get(capable.getId()) : null;
        if (model == null) {
            throw new IllegalStateException(contextual + " is not a @UserSession bean known to usersession; was "
                    + "dev.usersession.context.UserSessionExtension registered?");
        }
        return model;
    }
}
