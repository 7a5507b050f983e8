package dev.usersession.internal.devicebinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.usersession.testing.DeviceKey;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a browser's proof must be to count: the keys it may bring (P-256 points on the curve, RSA of 2048 bits or
 * more), the header values as browsers send them (bare or quoted), and the stored form of a key.
 */
class BindingProofTest {

    private final DeviceKey ec = DeviceKey.ec();

    @Test
    void aRegistrationProofGivesItsKeyChallengeAndAuthorization() {
        BindingProof proof = BindingProof.ofRegistration(ec.registration("c1", "a1"));
        assertEquals("ES256", proof.algorithm());
        assertEquals("c1", proof.challenge());
        assertEquals("a1", proof.authorization());
        assertEquals(ec.jwk(), proof.key().canonicalJson(), "stored as RFC 7638 canonical JSON");

        BindingProof refresh = BindingProof.ofRefresh(
                ec.refresh("c2"), BrowserKey.stored(proof.key().canonicalJson()));
        assertEquals("c2", refresh.challenge());
        assertNull(refresh.authorization());
    }

    @Test
    void claimsThisChromiumDoesNotSendAreAcceptedButNotRequired() {
        String header = "{\"alg\":\"ES256\",\"jwk\":" + ec.jwk() + ",\"typ\":\"dbsc+jwt\"}";
        BindingProof proof = BindingProof.ofRegistration(
                ec.signed(header, "{\"aud\":\"https://shop.example/r\",\"iat\":1,\"jti\":\"c1\"}"));
        assertEquals("c1", proof.challenge());
    }

    @Test
    void aPointOffTheCurveIsRefused() {
        String jwk = ec.jwk();
        String x = Json.createReader(new StringReader(jwk)).readObject().getString("x");
        String offCurve = jwk.replace(x, DeviceKey.base64(fixed(BigInteger.ONE)));
        String header = "{\"alg\":\"ES256\",\"jwk\":" + offCurve + ",\"typ\":\"dbsc+jwt\"}";
        assertThrows(
                BindingRefusedException.class, () -> BindingProof.ofRegistration(ec.signed(header, "{\"jti\":\"c\"}")));
    }

    @Test
    void keysOfOtherTypesCurvesAndSmallSizesAreRefused() {
        String p384 = ec.jwk().replace("P-256", "P-384");
        assertThrows(BindingRefusedException.class, () -> register("ES256", p384));
        assertThrows(BindingRefusedException.class, () -> register("RS256", ec.jwk()), "an EC key does not sign RS256");
        String small = "{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + DeviceKey.base64(new byte[128]) + "\"}";
        assertThrows(BindingRefusedException.class, () -> register("RS256", small), "1024 bits");
        String evenExponent = "{\"e\":\"AAAC\",\"kty\":\"RSA\",\"n\":\"" + DeviceKey.base64(odd2048()) + "\"}";
        assertThrows(BindingRefusedException.class, () -> register("RS256", evenExponent));
        assertThrows(BindingRefusedException.class, () -> register("ES256", "{\"kty\":\"oct\",\"k\":\"AAAA\"}"));
    }

    @Test
    void aRefreshProofOfAnotherAlgorithmThanTheBoundKeysIsRefused() {
        DeviceKey rsa = DeviceKey.rsa();
        BrowserKey bound = BrowserKey.stored(ec.jwk());
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRefresh(rsa.refresh("c"), bound));
    }

    @Test
    void headerValuesAreTakenBareOrQuotedAndNothingElse() {
        assertEquals("abc.def-_", StructuredHeader.value("abc.def-_"));
        assertEquals("abc.def-_", StructuredHeader.value("\"abc.def-_\""));
        assertEquals("abc", StructuredHeader.value(" \"abc\";id=\"x\" "));
        assertNull(StructuredHeader.value("\"ab c\""));
        assertNull(StructuredHeader.value("abc\u00e9"));
        assertNull(StructuredHeader.value(""));
        assertNull(StructuredHeader.value(null));
        assertNull(StructuredHeader.value("a".repeat(BindingProof.MAX_LENGTH + 1)));
    }

    @Test
    void oversizedAndMalformedProofsAreRefusedUnread() {
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration("a".repeat(9000)));
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration("a.b"));
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration("e30.e30.AA=="));
        String notJson = DeviceKey.base64("[1]".getBytes(StandardCharsets.UTF_8));
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration(notJson + "." + notJson + ".AA"));
    }

    @Test
    void whatTheJsonParserThrowsForHugeNumbersOrNestingIsARefusalNotAnError() {
        String header = "{\"alg\":\"ES256\",\"jwk\":" + ec.jwk() + ",\"typ\":\"dbsc+jwt\"}";
        for (String payload : new String[] {
            "{\"jti\":\"c\",\"x\":1e9999999999}",
            "{\"jti\":\"c\",\"x\":" + "9".repeat(1200) + "}",
            "{\"jti\":\"c\",\"x\":" + "[".repeat(1500) + "]".repeat(1500) + "}"
        }) {
            String jws = ec.signed(header, payload);
            if (jws.length() <= BindingProof.MAX_LENGTH) {
                assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration(jws), payload);
            }
        }
        String deep = DeviceKey.base64(
                ("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8));
        assertThrows(BindingRefusedException.class, () -> BindingProof.ofRegistration(deep + "." + deep + ".AA"));
    }

    private void register(String algorithm, String jwk) {
        String header = "{\"alg\":\"" + algorithm + "\",\"jwk\":" + jwk + ",\"typ\":\"dbsc+jwt\"}";
        BindingProof.ofRegistration(ec.signed(header, "{\"jti\":\"c\"}"));
    }

    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] padded = new byte[32];
        System.arraycopy(bytes, 0, padded, 32 - bytes.length, bytes.length);
        return padded;
    }

    private static byte[] odd2048() {
        byte[] modulus = new byte[256];
        modulus[0] = (byte) 0xC1;
        modulus[255] = 1;
        return modulus;
    }
}
