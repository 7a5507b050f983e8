package dev.usersession.internal.security;

import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.internal.account.JpaAccountRepository;
import dev.usersession.internal.account.PasswordHashing;
import dev.usersession.internal.account.StoredAccount;
import dev.usersession.internal.account.UserNames;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.login.LoginAdmission;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.internal.onetimecode.OneTimeCodeFactor;
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
 * disabled account get the same answer after the same work. A successful check replaces a hash made with fewer
 * iterations than configured now, and its caller principal is the account's name as stored (whatever the database's
 * comparison of names). It combines with the application's other identity stores by priority, as the Jakarta Security
 * specification says; {@code usersession.identity-store.enabled=false} takes it out.
 * <p>
 * One policy for the account, whoever asks. The library's own checks (a login's first step, a re-authentication:
 * {@link LibraryPasswordCheck}) were throttled before they got here and ask for the second factor
 * themselves. Any other caller is another mechanism (Basic, a form or a mechanism of the application's own), which
 * can ask for nothing after the password: this store throttles its check exactly like a login ({@link LoginGuard},
 * before any hashing), records it in the audit trail, and never answers VALID for a user who has a second factor
 * (one-time codes): a password alone does not authenticate that user, through any door.
 */
@ApplicationScoped
public class JpaIdentityStore implements IdentityStore {

    private static final String FOR_OTHER_MECHANISM = "password, for another mechanism";

    @Inject
    JpaAccountRepository accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    UserSessionConfig config;

    @Inject
    LoginGuard guard;

    @Inject
    OneTimeCodeFactor oneTimeCodes;

    @Inject
    AuditTrail audit;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (LibraryPasswordCheck.active()) {
            return check(login);
        }
        String name = login.getCaller();
        if (!isPossibleName(name)) {
            return CredentialValidationResult.INVALID_RESULT; // no account can have it: nothing to count or check
        }
        LoginAdmission admission = guard.admit(guard.currentAttempt(name));
        if (!admission.admitted()) {
            audit.record(
                    AuditEvent.Type.LOGIN_THROTTLED,
                    name,
                    null,
                    (admission.locked()
                                    ? "locked"
                                    : "wait " + admission.retryAfter().toSeconds() + " s") + ", "
                            + FOR_OTHER_MECHANISM);
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result = check(login);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            audit.record(AuditEvent.Type.LOGIN_FAILED, name, null, FOR_OTHER_MECHANISM);
            return result;
        }
        String userName = result.getCallerPrincipal().getName();
        if (oneTimeCodes.isEnabled(userName)) {
            // The attempt stays counted: a right password here is no success, so it gives an attacker nothing to
            // tell apart from a wrong one (same answer, same count).
            audit.record(AuditEvent.Type.SECOND_FACTOR_BYPASS_REFUSED, userName, null, FOR_OTHER_MECHANISM);
            return CredentialValidationResult.INVALID_RESULT;
        }
        guard.succeeded(admission);
        audit.record(AuditEvent.Type.PASSWORD_ACCEPTED, userName, null, FOR_OTHER_MECHANISM);
        return result;
    }

    /** Checks the password with the same work whether or not the account exists and is enabled. */
    private CredentialValidationResult check(UsernamePasswordCredential login) {
        String name = login.getCaller();
        Optional<StoredAccount> account = isPossibleName(name) ? accounts.find(name) : Optional.empty();
        boolean matches = passwords.verify(
                login.getPassword().getValue(),
                account.map(StoredAccount::passwordHash).orElse(null));
        if (account.isEmpty() || !matches || !account.get().enabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        upgradeHash(account.get(), login.getPassword().getValue());
        return new CredentialValidationResult(
                account.get().name(), account.get().groups());
    }

    private static boolean isPossibleName(String name) {
        return name != null && !name.isBlank() && !UserNames.isTooLong(name);
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
                .map(StoredAccount::groups)
                .orElse(Set.of());
    }

    @Override
    public int priority() {
        return config.identityStorePriority();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return config.identityStoreEnabled()
                ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
                : EnumSet.noneOf(ValidationType.class);
    }
}
