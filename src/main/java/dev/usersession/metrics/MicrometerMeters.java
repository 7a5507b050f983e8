package dev.usersession.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Meters of Micrometer, in the registry the server gives the application (WildFly's micrometer subsystem, exposed
 * in Prometheus' format by its {@code prometheus} registry). Loaded only where Micrometer's classes exist.
 */
final class MicrometerMeters implements Meters {

    /** Histogram buckets of the store's latency: 0.5 ms to 5 s. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5)};
    /** Histogram buckets of encoded state sizes: 256 bytes to 1 MiB. */
    private static final double[] SIZE_BUCKETS = {256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576};

    private final MeterRegistry registry;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String labelName, String labelValue) {
        Counter counter = keep(Counter.builder(name).description(description).tags(tags(labelName, labelValue))
                .register(registry));
        return amount -> counter.increment(amount);
    }

    @Override
    public Amount timer(String name, String description, String labelName, String labelValue) {
        Timer timer = keep(Timer.builder(name).description(description).tags(tags(labelName, labelValue))
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Amount sizes(String name, String description, String labelName, String labelValue) {
        DistributionSummary summary = keep(DistributionSummary.builder(name).description(description).baseUnit("bytes")
                .tags(tags(labelName, labelValue)).serviceLevelObjectives(SIZE_BUCKETS).register(registry));
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        keep(Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).strongReference(true)
                .register(registry));
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    @Override
    public String api() {
        return "Micrometer";
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }

    private static Tags tags(String labelName, String labelValue) {
        return labelName == null ? Tags.empty() : Tags.of(labelName, labelValue);
    }
}
