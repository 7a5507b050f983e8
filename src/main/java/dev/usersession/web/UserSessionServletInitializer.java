package dev.usersession.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the library's web parts when the application starts (listed in {@code META-INF/services}, so nothing is
 * needed in {@code web.xml}): the unit-of-work filter for every request, the clean-up listener, and the endpoints
 * {@code /usersession/login}, {@code /usersession/logout} and {@code /usersession/sessions}.
 */
public class UserSessionServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter("usersession-unit-of-work", UnitOfWorkFilter.class);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        context.addListener(UnitOfWorkCleanup.class);
        context.addServlet("usersession-login", LoginServlet.class).addMapping(LoginServlet.PATH);
        context.addServlet("usersession-logout", LogoutServlet.class).addMapping(LogoutServlet.PATH);
        context.addServlet("usersession-sessions", SessionsServlet.class).addMapping(SessionsServlet.PATH,
                SessionsServlet.PATH + "/*");
    }
}
