package dev.usersession.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.usersession.admin.AdminVisible;
import dev.usersession.internal.state.AdminVisibleFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an administrator sees of stored state: values only of fields the application marked {@link AdminVisible}, the
 * name and size of every other field, whatever its name.
 */
class RedactedStateTest {

    /** A base class whose fields nobody marked. */
    static class Account {
        String cardNumber;
    }

    /** Marked on the class: its own fields are shown, not those of its superclass. */
    @AdminVisible
    static class Checkout extends Account {
        List<String> items;
        int quantity;
    }

    /** Marked field by field; transient and static fields are not state at all. */
    static class Wallet {
        @AdminVisible
        String currency;

        String pin;

        @AdminVisible
        transient String cache;

        static String shared;
    }

    @Test
    void onlyMarkedFieldsShowTheirValuesTheOthersTheirSizeWhateverTheirNames() {
        assertEquals(
                "{\"shown\":{\"name\":\"Ann\",\"items\":[{\"qty\":2}]},\"hidden\":{\"pin\":6,\"cvv\":5,"
                        + "\"otp\":8,\"jwt\":7,\"cardNumber\":18,\"nested\":14}}",
                RedactedState.of(
                                "{\"name\":\"Ann\",\"items\":[{\"qty\":2}],\"pin\":\"1234\",\"cvv\":\"123\","
                                        + "\"otp\":\"123456\",\"jwt\":\"eyJ.x\",\"cardNumber\":\"4111111111111111\","
                                        + "\"nested\":{\"password\":1}}",
                                Set.of("name", "items"))
                        .toString());
    }

    @Test
    void withoutAKnownClassNothingIsShown() {
        assertEquals(
                "{\"shown\":{},\"hidden\":{\"name\":5,\"pin\":6}}",
                RedactedState.of("{\"name\":\"Ann\",\"pin\":\"1234\"}", Set.of())
                        .toString());
    }

    @Test
    void theMarkIsOnAFieldOrOnTheClassForTheFieldsItDeclares() {
        assertEquals(Set.of("items", "quantity"), AdminVisibleFields.of(Checkout.class));
        assertEquals(Set.of("currency"), AdminVisibleFields.of(Wallet.class));
        assertEquals(Set.of(), AdminVisibleFields.of(Account.class));
    }

    @Test
    void stateThatIsNotAJsonObjectIsDescribedNotShown() {
        assertEquals(
                "\"[not a JSON object: 11 characters]\"",
                RedactedState.of("{\"password\"", Set.of("password")).toString());
        assertEquals(
                "\"[not a JSON object: 8 characters]\"",
                RedactedState.of("[\"1234\"]", Set.of()).toString());
    }
}
