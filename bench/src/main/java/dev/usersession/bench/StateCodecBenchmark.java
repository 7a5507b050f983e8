package dev.usersession.bench;

import dev.usersession.internal.state.BeanStateModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding and restoring a bean's state of about 1 KB, 10 KB and 100 KB of JSON (a cart of N lines), and the
 * end-of-request check of a used but unchanged bean (encode, then compare with what was loaded).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StateCodecBenchmark {

    /** A line of a cart: about 100 bytes of JSON. */
    public record Line(String sku, String name, int quantity, long priceCents, String note) {
    }

    /** The state: a list of lines, a name, a number. */
    public static class CartState {
        private String owner = "benchmark";
        private int version;
        private List<Line> lines = new ArrayList<>();
    }

    @Param({"1", "10", "100"})
    public int kilobytes;

    private BeanStateModel model;
    private CartState state;
    private String json;

    @Setup
    public void prepare() {
        model = BeanStateModel.of(CartState.class);
        state = new CartState();
        int i = 0;
        while (model.encode(state).length() < kilobytes * 1024) {
            state.lines.add(new Line("sku-" + i, "Product number " + i, 1 + i % 5, 1_000 + i, "gift wrap: no"));
            i++;
        }
        json = model.encode(state);
    }

    @Benchmark
    public String encode() {
        return model.encode(state);
    }

    @Benchmark
    public CartState decode() {
        CartState restored = new CartState();
        model.restore(restored, json);
        return restored;
    }

    @Benchmark
    public boolean unchangedCheck() {
        return model.encode(state).equals(json);
    }
}
