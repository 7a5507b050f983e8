package dev.usersession.auth;

import dev.usersession.AssuranceLevel;
import dev.usersession.SessionProofs;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the application's other authentication mechanism proved of a caller it signed in: an application implements
 * it as one CDI bean when that mechanism can say so, typically an OpenID Connect provider's {@code amr} or {@code acr}
 * claim and its {@code auth_time}. The library asks it when it opens a session for a caller that another mechanism
 * authenticated (a page login of the other mechanism with the library's handler, or any authenticated request with
 * {@code usersession.mechanism.enabled=false}), and records the answer as the session's {@link SessionProofs}.
 *
 * <p>Without such a bean, or when it answers {@link SessionProofs#NONE}, the session records no proof: it is never
 * "recent", it is AAL1, and a user who has a second factor (one-time codes) gets no library session at all, so no
 * {@link RequiresLogin} method passes for that caller, whatever the other mechanism let through. A user with a second
 * factor gets a session only when the answer reaches {@link AssuranceLevel#AAL2} (a provider that asked for a second
 * factor itself). Answer only what the mechanism verified, with the times it verified them (an OpenID Connect
 * {@code auth_time}, never the current time: the library may ask again when it opens a new session for a login the
 * mechanism restored); times in the future count as now. A failure of the bean counts as {@link SessionProofs#NONE}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class ProviderProofs implements OtherMechanismProofs {
 *     @Inject OpenIdContext openId;
 *
 *     public SessionProofs of(String callerName, HttpServletRequest request) {
 *         JwtClaims claims = openId.getIdentityToken().getJwtClaims();
 *         Instant at = claims.getNumericDateClaim("auth_time").orElseThrow(); // never "now": a restored login
 *         List<String> amr = claims.getArrayStringClaim("amr");
 *         return amr.contains("otp") || amr.contains("mfa")
 *                 ? SessionProofs.of(Factor.PASSWORD, at, AssuranceLevel.AAL1).with(Factor.ONE_TIME_CODE, at,
 *                         AssuranceLevel.AAL2)
 *                 : SessionProofs.of(Factor.PASSWORD, at, AssuranceLevel.AAL1);
 *     }
 * }
 * }</pre>
 */
public interface OtherMechanismProofs {

    /**
     * @param callerName the caller the other mechanism authenticated in this request
     * @param request the request
     * @return what the mechanism proved of the caller, and when; {@link SessionProofs#NONE} for nothing
     */
    SessionProofs of(String callerName, HttpServletRequest request);
}
