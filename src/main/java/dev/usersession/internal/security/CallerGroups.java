package dev.usersession.internal.security;

import dev.usersession.UserSessionConfig;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.StoredAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of a caller who signed in without a password (a passkey), as Jakarta Security gets them for a caller
 * validated elsewhere: from every identity store that provides groups ({@code PROVIDE_GROUPS}), by priority. When the
 * library's own account table is in use, the account must exist and be enabled. The administrator check
 * ({@code internal.admin.AdminAccess}) asks it on every administration call, so that the admin group is the stores'
 * current answer, not the one a session copied at login.
 */
@ApplicationScoped
public class CallerGroups {

    @Inject
    Instance<IdentityStore> identityStores;

    @Inject
    JpaAccountRepository accounts;

    @Inject
    UserSessionConfig config;

    /** @return the caller's groups, or empty when the library's account of that name is gone or disabled */
    public Optional<Set<String>> of(String userName) {
        if (config.identityStoreEnabled()) {
            Optional<StoredAccount> account = accounts.find(userName);
            if (account.isEmpty() || !account.get().enabled()) {
                return Optional.empty();
            }
        }
        CredentialValidationResult caller = new CredentialValidationResult(userName);
        Set<String> groups = new HashSet<>();
        identityStores.stream()
                .filter(store -> store.validationTypes().contains(IdentityStore.ValidationType.PROVIDE_GROUPS))
                .sorted(Comparator.comparingInt(IdentityStore::priority))
                .forEach(store -> groups.addAll(store.getCallerGroups(caller)));
        return Optional.of(Set.copyOf(groups));
    }
}
