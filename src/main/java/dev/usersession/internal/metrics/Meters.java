package dev.usersession.internal.metrics;

import java.util.function.DoubleSupplier;

/**
 * The few kinds of meter the library needs, made by whichever metrics API the server has. Names use dots
 * ({@code usersession.logins}); each API turns them into its own exposition ({@code usersession_logins_total} in
 * Prometheus' format). Label values are never user data: only outcomes, reasons, operations and bean class names.
 */
interface Meters extends AutoCloseable {

    /** Counts things happening. */
    @FunctionalInterface
    interface Count {
        void add(long amount);

        default void increment() {
            add(1);
        }
    }

    /** Records one amount (nanoseconds for a timer, bytes for a size). */
    @FunctionalInterface
    interface Amount {
        void record(long value);
    }

    /** @return a counter with one label, or none when {@code labelName} is {@code null} */
    Count counter(String name, String description, String labelName, String labelValue);

    /** @return a timer (seconds, with a histogram) fed with nanoseconds */
    Amount timer(String name, String description, String labelName, String labelValue);

    /** @return a distribution of sizes in bytes */
    Amount sizes(String name, String description, String labelName, String labelValue);

    /** Registers a gauge read when the metrics are scraped. */
    void gauge(String name, String description, DoubleSupplier value);

    /** Removes every meter this made (the application is undeployed). */
    @Override
    void close();

    /** @return what the server's API is called, for the log */
    String api();

    /** No metrics API: nothing is recorded beyond a method call that does nothing. */
    Meters NONE = new Meters() {
        @Override
        public Count counter(String name, String description, String labelName, String labelValue) {
            return amount -> {};
        }

        @Override
        public Amount timer(String name, String description, String labelName, String labelValue) {
            return value -> {};
        }

        @Override
        public Amount sizes(String name, String description, String labelName, String labelValue) {
            return value -> {};
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value) {}

        @Override
        public void close() {}

        @Override
        public String api() {
            return "none";
        }
    };
}
