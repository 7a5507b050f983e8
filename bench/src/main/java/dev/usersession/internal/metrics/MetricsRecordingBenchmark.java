package dev.usersession.internal.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the library's metrics add to a request, on the meters it makes in a Micrometer Prometheus registry (what
 * WildFly's prometheus registry is): a read request records one store read (two clock reads and a timer update); a
 * write request one store read, one store write and the encoded size of one bean's 1 KB state. Two threads, as the
 * server's two cores. In this package because {@link MicrometerMeters} is the library's own, not public, class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class MetricsRecordingBenchmark {

    private Meters.Amount reads;
    private Meters.Amount writes;
    private Meters.Amount sizes;
    private String state;

    @Setup
    public void setUp() {
        Meters meters = new MicrometerMeters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        reads = meters.timer("usersession.store", "", "operation", "read");
        writes = meters.timer("usersession.store", "", "operation", "write");
        sizes = meters.sizes("usersession.state", "", "bean", "com.example.Cart");
        state = "{\"lines\":[" + "{\"productId\":\"mug\",\"quantity\":1},".repeat(30) + "]}";
    }

    /** A read request's share: the store read timed. */
    @Benchmark
    public long readRequest() {
        long started = System.nanoTime();
        long elapsed = System.nanoTime() - started;
        reads.record(elapsed);
        return elapsed;
    }

    /** A write request's share: the read and the write timed, one 1 KB state measured. */
    @Benchmark
    public long writeRequest() {
        long started = System.nanoTime();
        long elapsed = System.nanoTime() - started;
        reads.record(elapsed);
        long writeStarted = System.nanoTime();
        long writeElapsed = System.nanoTime() - writeStarted;
        writes.record(writeElapsed);
        sizes.record(state.getBytes(StandardCharsets.UTF_8).length); // as SessionMetrics.stateWritten
        return elapsed + writeElapsed;
    }
}
