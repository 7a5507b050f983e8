package dev.usersession.it.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * The application signs users in with an OpenID Connect provider: Jakarta Security's own mechanism, configured by
 * annotation. The provider's address comes from the application's configuration ({@link ProviderSettings}); after
 * the provider's callback the caller is sent back to the page that asked for the login.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${providerSettings.uri}",
        clientId = ProviderSettings.CLIENT_ID,
        clientSecret = ProviderSettings.CLIENT_SECRET,
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = true,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub", callerGroupsClaim = "groups"))
@ApplicationScoped
public class SignInWithProvider {}
