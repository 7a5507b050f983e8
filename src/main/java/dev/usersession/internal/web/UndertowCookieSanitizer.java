package dev.usersession.internal.web;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;

/**
 * On WildFly (Undertow) only: drops the cookie pairs Undertow cannot parse before anything reads the cookies. Undertow
 * answers any request that carries a cookie of any name with a control byte or a byte outside ASCII with a 500
 * ({@code UT000173}) for every URL of the application, before the application or the library runs; another
 * application on the same host, or a script on a sibling domain, can set such a cookie and so lock users out. With
 * this extension the request goes on without those pairs; the other cookies, the session cookie among them, are kept.
 *
 * <p>Undertow finds it through {@code META-INF/services/io.undertow.servlet.ServletExtension} in the library's jar and
 * puts it in front of the application's handlers. Other servers never read that file, so this class is never loaded
 * there.
 */
public class UndertowCookieSanitizer implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addInitialHandlerChainWrapper(new Sanitizing());
    }

    /** Wraps the deployment's handlers in the one that cleans the {@code Cookie} headers. */
    private static final class Sanitizing implements HandlerWrapper {
        @Override
        public HttpHandler wrap(HttpHandler next) {
            return exchange -> {
                sanitize(exchange);
                next.handleRequest(exchange);
            };
        }
    }

    private static void sanitize(HttpServerExchange exchange) {
        HeaderValues cookies = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (cookies == null || cookies.stream().noneMatch(CookieHeaders::hasUnparseableBytes)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String header : cookies) {
            String clean = CookieHeaders.withoutUnparseablePairs(header);
            if (!clean.isEmpty()) {
                kept.add(clean);
            }
        }
        if (kept.isEmpty()) {
            exchange.getRequestHeaders().remove(Headers.COOKIE);
        } else {
            exchange.getRequestHeaders().putAll(Headers.COOKIE, kept);
        }
    }
}
