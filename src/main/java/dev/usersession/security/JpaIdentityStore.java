package dev.usersession.security;

import dev.usersession.UserSessionConfig;
import dev.usersession.jpa.JpaAccountRepository;
import dev.usersession.jpa.StoredAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A Jakarta Security {@link IdentityStore} over the {@code user_account} table: checks user name and password
 * (PBKDF2, see {@link PasswordHashing}) and provides the user's groups. An unknown user, a wrong password and a
 * disabled account get the same answer after the same work. Logins through the library's mechanism are throttled
 * before they reach any identity store ({@link LoginGuard}). A successful login replaces a hash made with fewer
 * iterations than configured now, and its caller principal is the account's name as stored (whatever the database's
 * comparison of names). It combines with the application's other identity stores by priority, as the Jakarta Security
 * specification says; {@code usersession.identity-store.enabled=false} takes it out.
 */
@ApplicationScoped
public class JpaIdentityStore implements IdentityStore {

    @Inject
    JpaAccountRepository accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    UserSessionConfig config;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        Optional<StoredAccount> account = name == null || name.isBlank() ? Optional.empty() : accounts.find(name);
        boolean matches = passwords.verify(login.getPassword().getValue(),
                account.map(StoredAccount::passwordHash).orElse(null));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        upgradeHash(account.get(), login.getPassword().getValue());
        return new CredentialValidationResult(account.get().name(), account.get().groups());
    }

    /** Replaces a hash made with fewer iterations than configured now, at a login that just proved the password. */
    private void upgradeHash(StoredAccount account, char[] password) {
        if (passwords.isOutdated(account.passwordHash())) {
            accounts.replaceHash(account.name(), account.passwordHash(), passwords.hash(password));
        }
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return accounts.find(validationResult.getCallerPrincipal().getName())
                .map(StoredAccount::groups).orElse(Set.of());
    }

    @Override
    public int priority() {
        return config.identityStorePriority();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return config.identityStoreEnabled() ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
                : EnumSet.noneOf(ValidationType.class);
    }
}
