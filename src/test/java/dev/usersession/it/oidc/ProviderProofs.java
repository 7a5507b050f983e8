package dev.usersession.it.oidc;

import dev.usersession.AssuranceLevel;
import dev.usersession.Factor;
import dev.usersession.SessionProofs;
import dev.usersession.auth.OtherMechanismProofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;

/**
 * The application maps what the provider says it checked (the ID token's {@code amr} claim, RFC 8176) to the proofs
 * of the caller's library session: {@code otp} or {@code mfa} is a second factor.
 */
@ApplicationScoped
public class ProviderProofs implements OtherMechanismProofs {

    @Inject
    OpenIdContext openId;

    @Override
    public SessionProofs of(String callerName, HttpServletRequest request) {
        JwtClaims claims = openId.getIdentityToken().getJwtClaims();
        Instant at = claims.getNumericDateClaim("auth_time")
                .orElse(claims.getNumericDateClaim("iat").orElseThrow());
        List<String> methods = claims.getArrayStringClaim("amr");
        SessionProofs password = SessionProofs.of(Factor.PASSWORD, at, AssuranceLevel.AAL1);
        return methods.contains("otp") || methods.contains("mfa")
                ? password.with(Factor.ONE_TIME_CODE, at, AssuranceLevel.AAL2)
                : password;
    }
}
