package dev.usersession.internal.context;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.usersession.UserSession;
import dev.usersession.testing.Containers;
import jakarta.enterprise.inject.Produces;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code @UserSession} bean whose state cannot be stored must fail the deployment, naming bean and field. */
class DeploymentValidationTest {

    @UserSession
    public static class BeanWithCallback implements Serializable {
        private static final long serialVersionUID = 1L;
        private Runnable onChange;
        private String name;

        public void rename(String newName) {
            name = newName;
            onChange.run();
        }
    }

    @UserSession
    public static class BeanWithRawList implements Serializable {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("rawtypes")
        private List items;

        public int size() {
            return items.size();
        }
    }

    public static class ProducerOfSessionState {
        @Produces
        @UserSession
        public StringBuilder draft() {
            return new StringBuilder();
        }
    }

    @Test
    void fieldOfAnInterfaceTypeIsADeploymentErrorNamingBeanAndField() {
        String message = deploymentFailure(BeanWithCallback.class);
        assertTrue(message.contains(BeanWithCallback.class.getName()), message);
        assertTrue(message.contains("field 'onChange'"), message);
        assertTrue(message.contains("transient"), message);
    }

    @Test
    void rawCollectionIsADeploymentErrorNamingBeanAndField() {
        String message = deploymentFailure(BeanWithRawList.class);
        assertTrue(message.contains("field 'items'"), message);
    }

    @Test
    void producerInUserSessionScopeIsADeploymentError() {
        String message = deploymentFailure(ProducerOfSessionState.class);
        assertTrue(message.contains("@UserSession is for bean classes only"), message);
    }

    private static String deploymentFailure(Class<?> beanClass) {
        RuntimeException failure = assertThrows(
                RuntimeException.class, () -> Containers.boot(beanClass).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
