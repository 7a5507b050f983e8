package dev.usersession.internal.passkey;

import static dev.usersession.internal.passkey.PasskeyException.CHALLENGE;
import static dev.usersession.internal.passkey.PasskeyException.MALFORMED;
import static dev.usersession.internal.passkey.PasskeyException.ORIGIN;
import static dev.usersession.internal.passkey.PasskeyException.REPLAYED;
import static dev.usersession.internal.passkey.PasskeyException.RP;
import static dev.usersession.internal.passkey.PasskeyException.SIGNATURE;
import static dev.usersession.internal.passkey.PasskeyException.VERIFICATION;

import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;

/**
 * Runs a webauthn4j call and turns whatever it throws (webauthn4j's exceptions, Jackson's, its argument checks) into a
 * {@link PasskeyException}, so that no exception of those libraries, nor the input they quote, leaves this package.
 */
final class PasskeyFailures {

    private PasskeyFailures() {}

    /** @return what {@code step} returns; any exception it throws becomes a {@link PasskeyException} */
    static <T> T refusing(Supplier<T> step) {
        try {
            return step.get();
        } catch (PasskeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** @return the {@link PasskeyException} that says, without input data, why webauthn4j refused */
    static PasskeyException translate(RuntimeException failure) {
        if (failure instanceof BadChallengeException || failure instanceof MissingChallengeException) {
            return new PasskeyException(CHALLENGE, "The passkey response answers another challenge.");
        }
        if (failure instanceof BadOriginException
                || failure instanceof BadTopOriginException
                || failure instanceof CrossOriginException) {
            return new PasskeyException(ORIGIN, "The passkey response comes from another origin.");
        }
        if (failure instanceof BadRpIdException) {
            return new PasskeyException(RP, "The passkey response is for another relying party.");
        }
        if (failure instanceof BadSignatureException) {
            return new PasskeyException(SIGNATURE, "The passkey signature does not verify.");
        }
        if (failure instanceof MaliciousCounterValueException) {
            return new PasskeyException(REPLAYED, "The passkey's signature counter did not increase.");
        }
        if (failure instanceof DataConversionException
                || failure instanceof JacksonException
                || failure instanceof IllegalArgumentException) {
            return new PasskeyException(MALFORMED, "The passkey response cannot be read.");
        }
        return new PasskeyException(VERIFICATION, "The passkey response does not verify.");
    }
}
