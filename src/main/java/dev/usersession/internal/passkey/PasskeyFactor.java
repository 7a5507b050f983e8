package dev.usersession.internal.passkey;

import dev.usersession.UserSessionClock;
import dev.usersession.UserSessionConfig;
import dev.usersession.admin.AuditEvent;
import dev.usersession.auth.FactorRefusedException;
import dev.usersession.auth.FactorRefusedException.Reason;
import dev.usersession.auth.PasskeyInfo;
import dev.usersession.internal.audit.AuditTrail;
import dev.usersession.internal.context.SessionTokens;
import dev.usersession.internal.login.LoginChallenge;
import dev.usersession.internal.login.LoginChallenge.Purpose;
import dev.usersession.internal.login.LoginChallenges;
import dev.usersession.internal.login.LoginGuard;
import dev.usersession.spi.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Passkeys (WebAuthn) of users: registration by a logged-in user, and sign-in with one, as a passwordless login, as
 * the second step of a password login or as a re-authentication. Each ceremony's challenge (32 random bytes) is kept
 * in a {@link LoginChallenges} step, bound to the browser (and to the session, for a registration or a
 * re-authentication), and used once. The relying party id and the accepted origins come from
 * {@code usersession.passkeys.rp-id} and {@code usersession.passkeys.origins} (by default the request's host and
 * origin, plus {@code usersession.allowed-origins}). Verification is webauthn4j's ({@code dev.usersession.factors}).
 */
@ApplicationScoped
public class PasskeyFactor {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();
    private static final int NAME_LENGTH = 100;
    private static final char HANDLE_SEPARATOR = '.';
    private static final int CEREMONIES_KEPT = 8;
    private static final Set<String> TRANSPORTS = Set.of("usb", "nfc", "ble", "internal", "hybrid", "smart-card");

    /** Verifiers by relying party and origins: the configured one, or a few hosts requests named (bounded). */
    private final Map<String, PasskeyCeremonies> ceremonies =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PasskeyCeremonies> eldest) {
                    return size() > CEREMONIES_KEPT;
                }
            });

    @Inject
    JpaPasskeys passkeys;

    @Inject
    LoginChallenges steps;

    @Inject
    UserSessionConfig config;

    @Inject
    UserSessionClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    LoginGuard guard;

    /** @return the options for the browser's {@code navigator.credentials.create}, for the session's user */
    public String registrationOptions(HttpServletRequest request, HttpServletResponse response, SessionRecord session) {
        byte[] challenge = newChallenge();
        List<StoredPasskey> existing = passkeys.listOf(session.userName());
        byte[] userHandle =
                existing.isEmpty() ? newChallenge() : decode(existing.get(0).userHandle());
        // The step keeps the user handle the authenticator is given beside the challenge, for the stored passkey.
        steps.begin(
                request,
                response,
                Purpose.PASSKEY_REGISTRATION,
                session.userName(),
                Set.of(),
                session.id(),
                null,
                encode(challenge) + HANDLE_SEPARATOR + encode(userHandle));
        return ceremoniesFor(request)
                .registrationOptions(
                        challenge,
                        session.userName(),
                        userHandle,
                        session.userName(),
                        existing.stream()
                                .map(passkey -> decode(passkey.credentialId()))
                                .toList());
    }

    /**
     * Verifies the browser's new credential against the session's pending registration and stores it.
     *
     * @return the new passkey
     */
    public PasskeyInfo register(
            HttpServletRequest request,
            HttpServletResponse response,
            SessionRecord session,
            String name,
            String credentialJson) {
        LoginChallenge step = steps.require(request, Purpose.PASSKEY_REGISTRATION, session.id());
        steps.complete(step, request, response);
        RegisteredPasskey registered;
        try {
            registered = ceremoniesFor(request)
                    .verifyRegistration(
                            credentialJson,
                            decode(step.challenge()
                                    .substring(0, step.challenge().indexOf(HANDLE_SEPARATOR))));
        } catch (PasskeyException e) {
            throw refused(e);
        }
        String credentialId = encode(registered.credentialId());
        String id = SessionTokens.hash(credentialId);
        if (passkeys.find(id).isPresent()) {
            throw new FactorRefusedException(Reason.CREDENTIAL_EXISTS, "This passkey is registered already");
        }
        String userHandle = step.challenge().substring(step.challenge().indexOf(HANDLE_SEPARATOR) + 1);
        String label = name == null || name.isBlank() ? "Passkey" : name.strip();
        List<String> transports = registered.transports().stream()
                .filter(TRANSPORTS::contains)
                .sorted()
                .toList();
        StoredPasskey stored = new StoredPasskey(
                id,
                credentialId,
                session.userName(),
                userHandle,
                registered.publicKey(),
                registered.signCount(),
                transports,
                registered.aaguid(),
                registered.backupEligible(),
                label.length() <= NAME_LENGTH ? label : label.substring(0, NAME_LENGTH),
                clock.now(),
                null);
        try {
            passkeys.add(stored);
        } catch (RuntimeException e) {
            if (passkeys.find(id).isPresent()) { // a parallel registration of the same passkey came first
                throw new FactorRefusedException(Reason.CREDENTIAL_EXISTS, "This passkey is registered already");
            }
            throw e;
        }
        audit.record(AuditEvent.Type.FACTOR_ENROLLED, session.userName(), session.id(), "passkey " + stored.id());
        return info(stored);
    }

    /**
     * Begins (or, for a pending second factor, continues) a sign-in with a passkey.
     *
     * @param purpose {@code PASSKEY_LOGIN} (anyone's discoverable passkey), {@code SECOND_FACTOR} (the pending
     *     login's user's passkeys) or {@code PASSKEY_REAUTHENTICATION} (the session's user's passkeys)
     * @param session the session, for a re-authentication; else {@code null}
     * @return the options for the browser's {@code navigator.credentials.get}
     */
    public String assertionOptions(
            HttpServletRequest request, HttpServletResponse response, Purpose purpose, SessionRecord session) {
        byte[] challenge = newChallenge();
        String userName;
        switch (purpose) {
            case PASSKEY_LOGIN -> {
                steps.begin(request, response, purpose, null, Set.of(), null, null, encode(challenge));
                userName = null;
            }
            case SECOND_FACTOR -> {
                LoginChallenge pending = steps.require(request, purpose, null);
                steps.withChallenge(pending, encode(challenge));
                userName = pending.userName();
            }
            case PASSKEY_REAUTHENTICATION -> {
                steps.begin(
                        request,
                        response,
                        purpose,
                        session.userName(),
                        Set.of(),
                        session.id(),
                        null,
                        encode(challenge));
                userName = session.userName();
            }
            default -> throw new IllegalArgumentException(purpose.name());
        }
        List<byte[]> allowed = userName == null
                ? List.of()
                : passkeys.listOf(userName).stream()
                        .map(passkey -> decode(passkey.credentialId()))
                        .toList();
        return ceremoniesFor(request).authenticationOptions(challenge, allowed);
    }

    /**
     * Verifies a passkey's assertion against a step's challenge (the caller completes the step first, so that the
     * challenge is used once) and records the use. A verified passkey proves the user: it ends a lock of the user's
     * one-time codes ({@link LoginGuard#unlockCodes}).
     *
     * @return who signed in, and whether the authenticator verified the user
     */
    public VerifiedPasskey verify(HttpServletRequest request, LoginChallenge step, String credentialJson) {
        if (step.challenge() == null) {
            throw new FactorRefusedException(Reason.NO_PENDING_STEP, "No passkey challenge was issued");
        }
        PresentedAssertion presented;
        try {
            presented = PasskeyCeremonies.readAssertion(credentialJson);
        } catch (PasskeyException e) {
            throw refused(e);
        }
        StoredPasskey stored = passkeys.find(SessionTokens.hash(encode(presented.credentialId())))
                .filter(found -> step.userName() == null || found.userName().equals(step.userName()))
                .filter(found -> presented.userHandle().isEmpty()
                        || MessageDigest.isEqual(presented.userHandle().get(), decode(found.userHandle())))
                .orElseThrow(() -> new FactorRefusedException(Reason.UNKNOWN_CREDENTIAL, "Unknown passkey"));
        VerifiedAssertion verified;
        try {
            verified = ceremoniesFor(request)
                    .verifyAuthentication(
                            credentialJson,
                            decode(step.challenge()),
                            presented.credentialId(),
                            stored.publicKey(),
                            stored.signCount());
        } catch (PasskeyException e) {
            throw refused(e);
        }
        if (!passkeys.recordUse(stored.id(), stored.signCount(), verified.newSignCount(), clock.now())) {
            throw new FactorRefusedException(Reason.CREDENTIAL_REPLAYED, "The passkey was used at the same moment");
        }
        guard.unlockCodes(stored.userName()); // a passkey proved the user: a lock of the one-time codes ends
        return new VerifiedPasskey(stored.userName(), verified.userVerified());
    }

    /** @return the user's passkeys, oldest first */
    public List<PasskeyInfo> list(String userName) {
        return passkeys.listOf(userName).stream().map(PasskeyFactor::info).toList();
    }

    /** Removes one of the user's passkeys. @return whether it was the user's */
    public boolean remove(String userName, String id) {
        return passkeys.remove(userName, id);
    }

    /** Removes all of a user's passkeys. */
    public void removeAll(String userName) {
        passkeys.removeAllOf(userName);
    }

    private PasskeyCeremonies ceremoniesFor(HttpServletRequest request) {
        String rpId = config.passkeysRpId().isEmpty() ? request.getServerName() : config.passkeysRpId();
        Set<String> origins = new HashSet<>(config.passkeysOrigins());
        if (origins.isEmpty()) {
            origins.add(ownOrigin(request));
            origins.addAll(config.allowedOrigins());
        }
        return ceremonies.computeIfAbsent(
                rpId + " " + new TreeSet<>(origins),
                key -> new PasskeyCeremonies(rpId, config.factorsIssuer(), Set.copyOf(origins)));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort =
                "https".equals(request.getScheme()) && port == 443 || "http".equals(request.getScheme()) && port == 80;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static FactorRefusedException refused(PasskeyException e) {
        Reason reason = switch (e.code()) {
            case "malformed" -> Reason.MALFORMED_CREDENTIAL;
            case "replayed" -> Reason.CREDENTIAL_REPLAYED;
            default -> Reason.CREDENTIAL_REFUSED;
        };
        return new FactorRefusedException(reason, "Passkey refused: " + e.code());
    }

    private static PasskeyInfo info(StoredPasskey passkey) {
        return new PasskeyInfo(
                passkey.id(),
                passkey.name(),
                passkey.created(),
                passkey.lastUsed(),
                passkey.transports(),
                passkey.backupEligible());
    }

    private static byte[] newChallenge() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static byte[] decode(String value) {
        return FROM_BASE64URL.decode(value);
    }

    /**
     * A passkey verified.
     *
     * @param userName whose passkey it is
     * @param userVerified whether the authenticator verified the user (PIN, biometrics): two factors in one
     */
    public record VerifiedPasskey(String userName, boolean userVerified) {}
}
