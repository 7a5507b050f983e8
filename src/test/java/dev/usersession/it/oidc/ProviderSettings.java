package dev.usersession.it.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the OpenID Connect provider is ({@code it.oidc.provider-uri} in the application's configuration). */
@Named
@ApplicationScoped
public class ProviderSettings {

    /** The client the provider knows the application as. */
    public static final String CLIENT_ID = "usersession-it";
    /** The client's secret (the test provider accepts any). */
    public static final String CLIENT_SECRET = "it-secret";

    @Inject
    @ConfigProperty(name = "it.oidc.provider-uri")
    String uri;

    /** @return the provider's issuer address, where its discovery document is found */
    public String getUri() {
        return uri;
    }
}
