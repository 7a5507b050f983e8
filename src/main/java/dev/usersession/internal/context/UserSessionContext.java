package dev.usersession.internal.context;

import dev.usersession.NoUserSessionException;
import dev.usersession.UserSession;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.lang.annotation.Annotation;

/**
 * The CDI context of {@link UserSession}: a thin adapter that hands each call to the unit of work bound to the
 * current thread.
 *
 * <p>It reports itself active at all times so that the container routes every call here; when no session is bound,
 * {@link #get} throws a {@link NoUserSessionException} (a {@link ContextNotActiveException}) that says how to bind one.
 * Code that wants to know whether
 * a session is bound asks {@code UserSessions.current()}.
 */
public class UserSessionContext implements AlterableContext {

    private final BeanStateModels models;

    UserSessionContext(BeanStateModels models) {
        this.models = models;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return UserSession.class;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return bound(contextual).instance(contextual, creationalContext, models);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return bound(contextual).instance(contextual, null, models);
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        bound(contextual).destroy(contextual);
    }

    @Override
    public boolean isActive() {
        return true;
    }

    private static UnitOfWork bound(Contextual<?> contextual) {
        UnitOfWork unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork == null) {
            throw new NoUserSessionException("No user session is bound to this thread, so the @UserSession bean "
                    + contextual + " cannot be used here. @UserSession beans are available in requests of a logged-in "
                    + "user, and in code run with UserSessions.runIn(sessionId, ...) or UserSessions.callIn(...).");
        }
        if (unitOfWork.isEnded()) {
            throw new NoUserSessionException("The request that this code continued has ended, so the @UserSession "
                    + "bean " + contextual + " cannot be used here any more.");
        }
        return unitOfWork;
    }
}
