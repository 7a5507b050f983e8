package dev.usersession.internal.passkey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasskeyCeremoniesTest {

    private static final String RP_ID = "example.com";
    private static final String ORIGIN = "https://example.com";
    private static final PasskeyCeremonies CEREMONIES =
            new PasskeyCeremonies(RP_ID, "Example", Set.of(ORIGIN, "https://www.example.com"));

    private final TestAuthenticator authenticator = new TestAuthenticator(RP_ID);

    @Test
    void registeredPasskeyLogsIn() {
        RegisteredPasskey passkey = register(authenticator);
        assertArrayEquals(authenticator.credentialId(), passkey.credentialId());
        assertEquals(0, passkey.signCount());
        assertEquals(Set.of("internal", "hybrid"), passkey.transports());
        assertEquals(TestAuthenticator.AAGUID.toString(), passkey.aaguid());
        assertTrue(passkey.backupEligible());
        assertTrue(passkey.userVerified());

        byte[] challenge = TestAuthenticator.random(32);
        String response = authenticator.assertion(challenge, ORIGIN).json();
        PresentedAssertion presented = PasskeyCeremonies.readAssertion(response);
        assertArrayEquals(passkey.credentialId(), presented.credentialId());
        assertArrayEquals(authenticator.userHandle(), presented.userHandle().orElseThrow());

        VerifiedAssertion verified = CEREMONIES.verifyAuthentication(
                response, challenge, presented.credentialId(), passkey.publicKey(), passkey.signCount());
        assertEquals(1, verified.newSignCount());
        assertTrue(verified.userVerified());
    }

    @Test
    void registrationForAnotherChallengeIsRefused() {
        String response = authenticator.registration(TestAuthenticator.random(32), ORIGIN);
        assertRefused("challenge", () -> CEREMONIES.verifyRegistration(response, TestAuthenticator.random(32)));
    }

    @Test
    void registrationFromAnotherOriginIsRefused() {
        byte[] challenge = TestAuthenticator.random(32);
        String response = authenticator.registration(challenge, "https://example.com.evil.test");
        assertRefused("origin", () -> CEREMONIES.verifyRegistration(response, challenge));
    }

    @Test
    void registrationForAnotherRelyingPartyIsRefused() {
        byte[] challenge = TestAuthenticator.random(32);
        String response = new TestAuthenticator("evil.test").registration(challenge, ORIGIN);
        assertRefused("rp", () -> CEREMONIES.verifyRegistration(response, challenge));
    }

    @Test
    void loginForAnotherChallengeIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        String response =
                authenticator.assertion(TestAuthenticator.random(32), ORIGIN).json();
        assertRefused("challenge", () -> login(passkey, response, TestAuthenticator.random(32), 0));
    }

    @Test
    void loginFromAnotherOriginIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        String response =
                authenticator.assertion(challenge, "https://evil.test").json();
        assertRefused("origin", () -> login(passkey, response, challenge, 0));
    }

    @Test
    void loginForAnotherRelyingPartyIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        var elsewhere = new TestAuthenticator("evil.test");
        byte[] challenge = TestAuthenticator.random(32);
        String response = elsewhere
                .assertion(challenge, ORIGIN)
                .json()
                .replace(
                        TestAuthenticator.encode(elsewhere.credentialId()),
                        TestAuthenticator.encode(passkey.credentialId()));
        assertRefused("rp", () -> login(passkey, response, challenge, 0));
    }

    @Test
    void loginWithTamperedClientDataIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        TestAuthenticator.Assertion assertion = authenticator.assertion(challenge, ORIGIN);
        String clientData = new String(assertion.clientData, StandardCharsets.UTF_8).replace("template", "templatf");
        var tampered = authenticator
        .new Assertion(assertion.authenticatorData, clientData.getBytes(StandardCharsets.UTF_8), assertion.signature);
        assertRefused("signature", () -> login(passkey, tampered.json(), challenge, 0));
    }

    @Test
    void loginWithTamperedSignatureIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        TestAuthenticator.Assertion assertion = authenticator.assertion(challenge, ORIGIN);
        byte[] signature = assertion.signature.clone();
        signature[signature.length - 1] ^= 1;
        var tampered = authenticator.new Assertion(assertion.authenticatorData, assertion.clientData, signature);
        assertRefused("signature", () -> login(passkey, tampered.json(), challenge, 0));
    }

    @Test
    void loginWithAnotherPasskeysSignatureIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        var other = new TestAuthenticator(RP_ID);
        byte[] challenge = TestAuthenticator.random(32);
        String response = other.assertion(challenge, ORIGIN)
                .json()
                .replace(
                        TestAuthenticator.encode(other.credentialId()),
                        TestAuthenticator.encode(passkey.credentialId()));
        assertRefused("signature", () -> login(passkey, response, challenge, 0));
    }

    @Test
    void loginWithAnotherCredentialIdIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        String response =
                new TestAuthenticator(RP_ID).assertion(challenge, ORIGIN).json();
        assertRefused("verification", () -> login(passkey, response, challenge, 0));
    }

    @Test
    void replayedAssertionIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        String response = authenticator.assertion(challenge, ORIGIN).json();
        long stored = login(passkey, response, challenge, passkey.signCount()).newSignCount();
        assertRefused("replayed", () -> login(passkey, response, challenge, stored));
    }

    @Test
    void passkeyWithoutCounterLogsInAgain() {
        var synced = new TestAuthenticator(RP_ID, false);
        RegisteredPasskey passkey = register(synced);
        for (int i = 0; i < 2; i++) {
            byte[] challenge = TestAuthenticator.random(32);
            assertEquals(
                    0,
                    login(passkey, synced.assertion(challenge, ORIGIN).json(), challenge, 0)
                            .newSignCount());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\"}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"password\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAB\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"A+/A\",\"rawId\":\"A+/A\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"AAAA\"}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\","
                        + "\"response\":{\"clientDataJSON\":\"AAAA\",\"attestationObject\":\"AAAA\"}}"
            })
    void malformedRegistrationIsRefused(String json) {
        assertRefused("malformed", () -> CEREMONIES.verifyRegistration(json, TestAuthenticator.random(32)));
    }

    @Test
    void registrationWithBadBase64IsRefused() {
        byte[] challenge = TestAuthenticator.random(32);
        String response = authenticator
                .registration(challenge, ORIGIN)
                .replace("\"attestationObject\":\"", "\"attestationObject\":\"*");
        assertRefused("malformed", () -> CEREMONIES.verifyRegistration(response, challenge));
    }

    @Test
    void loginWithoutSignatureIsRefused() {
        RegisteredPasskey passkey = register(authenticator);
        byte[] challenge = TestAuthenticator.random(32);
        String response = authenticator.assertion(challenge, ORIGIN).json().replace("\"signature\"", "\"signatur\"");
        assertRefused("malformed", () -> login(passkey, response, challenge, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"junk", "{\"id\":1}", "{\"id\":\"!!\",\"rawId\":\"!!\",\"type\":\"public-key\"}"})
    void readingJunkAssertionIsRefused(String json) {
        assertRefused("malformed", () -> PasskeyCeremonies.readAssertion(json));
    }

    @Test
    void assertionWithoutUserHandleReadsAsEmpty() {
        String response = authenticator
                .assertion(TestAuthenticator.random(32), ORIGIN)
                .json()
                .replaceAll("\"userHandle\":\"[^\"]*\"", "\"userHandle\":null");
        assertFalse(PasskeyCeremonies.readAssertion(response).userHandle().isPresent());
    }

    @Test
    void registrationOptionsHaveTheLevel3JsonShape() {
        byte[] challenge = {1, 2, 3};
        JsonObject options = parse(CEREMONIES.registrationOptions(
                challenge, "ann@example.com", new byte[] {9}, "Ann", List.of(new byte[] {(byte) 0xfb, (byte) 0xff})));
        assertEquals(
                "{\"id\":\"example.com\",\"name\":\"Example\"}",
                options.get("rp").toString());
        assertEquals(
                "{\"id\":\"CQ\",\"name\":\"ann@example.com\",\"displayName\":\"Ann\"}",
                options.get("user").toString());
        assertEquals("AQID", options.getString("challenge"));
        assertEquals(
                "[{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-8},"
                        + "{\"type\":\"public-key\",\"alg\":-257}]",
                options.get("pubKeyCredParams").toString());
        assertEquals(300000, options.getInt("timeout"));
        assertEquals("none", options.getString("attestation"));
        assertEquals("required", options.getJsonObject("authenticatorSelection").getString("residentKey"));
        assertEquals(
                "preferred", options.getJsonObject("authenticatorSelection").getString("userVerification"));
        assertEquals(
                "[{\"type\":\"public-key\",\"id\":\"-_8\"}]",
                options.get("excludeCredentials").toString());
    }

    @Test
    void authenticationOptionsHaveTheLevel3JsonShape() {
        JsonObject options = parse(CEREMONIES.authenticationOptions(new byte[] {1, 2, 3}, List.of()));
        assertEquals("AQID", options.getString("challenge"));
        assertEquals("example.com", options.getString("rpId"));
        assertEquals(300000, options.getInt("timeout"));
        assertEquals("preferred", options.getString("userVerification"));
        assertEquals("[]", options.get("allowCredentials").toString());
        JsonObject known = parse(CEREMONIES.authenticationOptions(new byte[] {1}, List.of(new byte[] {9})));
        assertEquals(
                "[{\"type\":\"public-key\",\"id\":\"CQ\"}]",
                known.get("allowCredentials").toString());
    }

    @Test
    void relyingPartyWithoutOriginIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PasskeyCeremonies(RP_ID, "Example", Set.of()));
    }

    private static RegisteredPasskey register(TestAuthenticator authenticator) {
        byte[] challenge = TestAuthenticator.random(32);
        return CEREMONIES.verifyRegistration(authenticator.registration(challenge, ORIGIN), challenge);
    }

    private static VerifiedAssertion login(RegisteredPasskey passkey, String response, byte[] challenge, long count) {
        return CEREMONIES.verifyAuthentication(response, challenge, passkey.credentialId(), passkey.publicKey(), count);
    }

    private static void assertRefused(String code, Executable ceremony) {
        assertEquals(code, assertThrows(PasskeyException.class, ceremony).code());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
