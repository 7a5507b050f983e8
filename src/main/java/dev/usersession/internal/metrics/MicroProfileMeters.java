package dev.usersession.internal.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Metrics of MicroProfile Metrics 5, in the application registry (Payara: {@code /metrics} on the HTTP port, in
 * Prometheus' format, with {@code mp_scope="application"}). Loaded only where its classes exist.
 */
final class MicroProfileMeters implements Meters {

    private final MetricRegistry registry;
    private final List<MetricID> registered = new CopyOnWriteArrayList<>();

    MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String labelName, String labelValue) {
        Tag[] tags = tags(labelName, labelValue);
        Counter counter = registry.counter(metadata(name, description, MetricUnits.NONE), tags);
        registered.add(new MetricID(name, tags));
        return counter::inc;
    }

    @Override
    public Amount timer(String name, String description, String labelName, String labelValue) {
        Tag[] tags = tags(labelName, labelValue);
        Timer timer = registry.timer(metadata(name, description, MetricUnits.SECONDS), tags);
        registered.add(new MetricID(name, tags));
        return nanos -> timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public Amount sizes(String name, String description, String labelName, String labelValue) {
        Tag[] tags = tags(labelName, labelValue);
        Histogram histogram = registry.histogram(metadata(name, description, MetricUnits.BYTES), tags);
        registered.add(new MetricID(name, tags));
        return histogram::update;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        registry.gauge(metadata(name, description, MetricUnits.NONE), value, DoubleSupplier::getAsDouble);
        registered.add(new MetricID(name));
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    @Override
    public String api() {
        return "MicroProfile Metrics";
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(unit)
                .build();
    }

    private static Tag[] tags(String labelName, String labelValue) {
        return labelName == null ? new Tag[0] : new Tag[] {new Tag(labelName, labelValue)};
    }
}
