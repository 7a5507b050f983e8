package dev.usersession.it.basiconly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * An identity store of the application's own that goes before the library's (a directory, say): it accepts any user
 * name with its one password. The library never sees what it checks.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** The password this store accepts for every name. */
    public static final String PASSWORD = "directory password";

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && PASSWORD.equals(login.getPasswordAsString())) {
            return new CredentialValidationResult(login.getCaller(), Set.of("customer"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
