package dev.usersession.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/** A second identity store that goes first: it knows only "carol" and refuses everyone else. */
@ApplicationScoped
public class PartnerIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getCaller().equals("carol")
                && login.getPasswordAsString().equals("partner password")) {
            return new CredentialValidationResult("carol", Set.of("partner"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return result.getCallerPrincipal().getName().equals("carol") ? Set.of("partner") : Set.of();
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
