package dev.usersession.internal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the library's web parts when the application starts (listed in {@code META-INF/services}, so nothing is
 * needed in {@code web.xml}): the unit-of-work filter for every request, the clean-up listener, and the endpoints
 * {@code /usersession/login} (with {@code /second-factor} and {@code /passkey}), {@code /usersession/logout},
 * {@code /usersession/sessions}, {@code /usersession/reauthenticate}, {@code /usersession/totp} and
 * {@code /usersession/passkeys}, {@code /usersession/device-binding}, and the administration of sessions under {@code /usersession/admin}.
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
        context.addServlet("usersession-sessions", SessionsServlet.class)
                .addMapping(SessionsServlet.PATH, SessionsServlet.PATH + "/*");
        context.addServlet("usersession-second-factor", SecondFactorServlet.class)
                .addMapping(SecondFactorServlet.PATH);
        context.addServlet("usersession-passkey-login", PasskeyLoginServlet.class)
                .addMapping(PasskeyLoginServlet.PATH, PasskeyLoginServlet.PATH + "/*");
        context.addServlet("usersession-reauthenticate", ReauthenticateServlet.class)
                .addMapping(ReauthenticateServlet.PATH, ReauthenticateServlet.PATH + "/*");
        context.addServlet("usersession-totp", OneTimeCodesServlet.class)
                .addMapping(OneTimeCodesServlet.PATH, OneTimeCodesServlet.PATH + "/*");
        context.addServlet("usersession-passkeys", PasskeysServlet.class)
                .addMapping(PasskeysServlet.PATH, PasskeysServlet.PATH + "/*");
        context.addServlet("usersession-device-binding", DeviceBindingServlet.class)
                .addMapping(DeviceBindingServlet.PATH + "/*");
        context.addServlet("usersession-admin", AdminServlet.class).addMapping(AdminServlet.PATH + "/*");
    }
}
