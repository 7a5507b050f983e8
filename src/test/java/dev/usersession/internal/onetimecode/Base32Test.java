package dev.usersession.internal.onetimecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base32Test {

    /** RFC 4648 section 10, with the padding that the encoder leaves off. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({
        "'', ''",
        "f, MY======",
        "fo, MZXQ====",
        "foo, MZXW6===",
        "foob, MZXW6YQ=",
        "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI======"
    })
    void encodesAndDecodesTheTestVectorsOfRfc4648(String text, String padded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        String unpadded = padded.replace("=", "");

        assertEquals(unpadded, Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(unpadded));
        assertArrayEquals(bytes, Base32.decode(padded));
        assertArrayEquals(bytes, Base32.decode(unpadded.toLowerCase()));
    }

    @Test
    void charactersOutsideTheAlphabetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW1"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ=XW"));
    }
}
