package dev.usersession.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Meters of Micrometer, in the registry the server gives the application (WildFly's micrometer subsystem, exposed in
 * Prometheus' format by its {@code prometheus} registry). Loaded only where Micrometer's classes exist.
 *
 * <p>Meters are made with the registry's own methods ({@code counter}, {@code timer}, {@code summary},
 * {@code gauge}), never with Micrometer's builders: WildFly 39's per-deployment registry passes only those on to the
 * registries it exposes (a builder's meter stays in the deployment's registry, unseen), and it takes no histogram or
 * description from either. Timers and sizes therefore come as count, sum and maximum.
 */
final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    /** A registry holds a gauge's state weakly: these keep the suppliers alive as long as the meters. */
    private final List<DoubleSupplier> gaugeValues = new CopyOnWriteArrayList<>();

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String labelName, String labelValue) {
        Counter counter = keep(registry.counter(name, tags(labelName, labelValue)));
        return amount -> counter.increment(amount);
    }

    @Override
    public Amount timer(String name, String description, String labelName, String labelValue) {
        Timer timer = keep(registry.timer(name, tags(labelName, labelValue)));
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Amount sizes(String name, String description, String labelName, String labelValue) {
        DistributionSummary summary = keep(registry.summary(name + ".bytes", tags(labelName, labelValue)));
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value) {
        gaugeValues.add(value);
        registry.gauge(name, Tags.empty(), value, DoubleSupplier::getAsDouble);
        Optional.ofNullable(registry.find(name).gauge()).ifPresent(registered::add);
    }

    @Override
    public void close() {
        registered.forEach(registry::remove);
        registered.clear();
        gaugeValues.clear();
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
