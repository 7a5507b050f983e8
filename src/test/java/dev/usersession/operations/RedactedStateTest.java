package dev.usersession.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What an administrator sees of stored state: members named like secrets are replaced, at any depth. */
class RedactedStateTest {

    @Test
    void secretsAreReplacedAtAnyDepthAndTheRestIsShownAsStored() {
        assertEquals("{\"name\":\"Ann\",\"password\":\"[redacted]\",\"nested\":{\"refreshToken\":\"[redacted]\","
                + "\"items\":[{\"API_KEY\":\"[redacted]\",\"qty\":2}]},\"clientSecret\":null}",
                RedactedState.of("{\"name\":\"Ann\",\"password\":\"hunter2\",\"nested\":{\"refreshToken\":\"abc\","
                        + "\"items\":[{\"API_KEY\":\"k\",\"qty\":2}]},\"clientSecret\":null}").toString());
    }

    @Test
    void stateThatIsNotJsonIsDescribedNotShown() {
        assertEquals("\"[not valid JSON: 11 characters]\"", RedactedState.of("{\"password\"").toString());
    }
}
