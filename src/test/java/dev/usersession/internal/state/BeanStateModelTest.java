package dev.usersession.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BeanStateModelTest {

    enum Size {
        SMALL,
        LARGE
    }

    public record Address(String street, int number) {}

    static class Note {
        private String text;
        private LocalDate due;

        protected Note() {}

        Note(String text, LocalDate due) {
            this.text = text;
            this.due = due;
        }
    }

    static class Wizard {
        @jakarta.inject.Inject
        Object injected = "not stored";

        private transient String cache = "not stored";
        private int step;
        private final List<Address> addresses = new ArrayList<>();
        private Map<String, BigDecimal> totals = new LinkedHashMap<>();
        private Set<Size> sizes = EnumSet.noneOf(Size.class);
        private Optional<String> coupon = Optional.empty();
        private Instant started;
        private Note note;
        private long[] history = new long[0];
    }

    record HiddenRecord(String value) {}

    static class PrivateConstructor {
        private String value;

        private PrivateConstructor() {}
    }

    static class Unstorable {
        private Object anything;
        private Thread worker;
        private HiddenRecord hidden;
        private List<PrivateConstructor> items;
    }

    @Test
    void everyStoredFieldRoundTripsAndInjectedAndTransientFieldsAreLeftOut() {
        BeanStateModel model = BeanStateModel.of(Wizard.class);
        Wizard wizard = new Wizard();
        wizard.step = 3;
        wizard.addresses.add(new Address("Main Street", 7));
        wizard.totals.put("books", new BigDecimal("12.50"));
        wizard.sizes.add(Size.LARGE);
        wizard.coupon = Optional.of("WELCOME");
        wizard.started = Instant.parse("2026-11-25T10:15:30Z");
        wizard.note = new Note("call back", LocalDate.of(2026, 12, 1));
        wizard.history = new long[] {1, 2, 3};

        String json = model.encode(wizard);
        Wizard restored = new Wizard();
        restored.injected = "fresh";
        restored.cache = "fresh";
        List<String> problems = model.restore(restored, json);

        assertEquals(List.of(), problems);
        assertTrue(!json.contains("not stored"), json);
        assertEquals("fresh", restored.injected);
        assertEquals("fresh", restored.cache);
        assertEquals(3, restored.step);
        assertEquals(List.of(new Address("Main Street", 7)), restored.addresses);
        assertEquals(Map.of("books", new BigDecimal("12.50")), restored.totals);
        assertEquals(Set.of(Size.LARGE), restored.sizes);
        assertEquals(Optional.of("WELCOME"), restored.coupon);
        assertEquals(wizard.started, restored.started);
        assertEquals("call back", restored.note.text);
        assertEquals(LocalDate.of(2026, 12, 1), restored.note.due);
        assertEquals(
                List.of(1L, 2L, 3L),
                java.util.Arrays.stream(restored.history).boxed().toList());
        assertEquals(json, model.encode(restored), "an unchanged state encodes to the same text");
    }

    @Test
    void restoreIsAllOrNothing() {
        BeanStateModel model = BeanStateModel.of(Wizard.class);
        Wizard wizard = new Wizard();
        List<String> problems = model.restore(wizard, "{\"step\":5,\"started\":\"yesterday\"}");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("field 'started'"), problems.get(0));
        assertEquals(0, wizard.step, "no field is set when one fails");
    }

    @Test
    void typesJsonbCannotReadBackAreRejectedWithEveryFieldNamed() {
        InvalidBeanStateException failure =
                assertThrows(InvalidBeanStateException.class, () -> BeanStateModel.of(Unstorable.class));
        assertTrue(failure.getMessage().contains("field 'anything'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("field 'worker'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("field 'hidden'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("field 'items'"), failure.getMessage());
    }
}
