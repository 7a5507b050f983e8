package dev.usersession.internal.context;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link UsageTrackingInterceptor}. The library's extension adds it to every business method of a
 * {@code @UserSession} bean that is not {@code @ReadOnly}; applications never write it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TrackUsage {

    /** The literal the extension adds. */
    final class Literal extends AnnotationLiteral<TrackUsage> implements TrackUsage {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;

        private Literal() {}
    }
}
