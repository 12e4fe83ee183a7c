package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.trace.Report;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code bench} command: (1) the engine's raw speed on the hold model, warmed up and then
 * measured in several rounds; (2) a long headless run of a flow (by default 1,000,000 orders of
 * the hybrid sample, with its kitchen outage) with metrics only, timed without a warm-up of the
 * system's classes, with the heap it needed; (3) ratios measured side by side in the same JVM
 * (see {@link RatioBench}).
 */
final class BenchCommand {
    static final long DEFAULT_EVENTS = 20_000_000;
    static final long DEFAULT_ORDERS = 1_000_000;
    static final String DEFAULT_FLOW = "hybrid-order.json";
    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;
    private static final double MB = 1024.0 * 1024.0;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> words) throws UsageException {
        Arguments arguments = Arguments.parse(words, Set.of("events", "pending", "orders", "flow", "ratio-orders"));
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("bench takes no file name; use --flow FLOW.json (not \""
                    + arguments.positionals().get(0) + "\")");
        }
        long events = arguments.longValue("events", DEFAULT_EVENTS, 0, Long.MAX_VALUE / 2);
        int pending = (int) arguments.longValue("pending", HoldModelBenchmark.DEFAULT_PENDING, 1, 10_000_000);
        long orders = arguments.longValue("orders", DEFAULT_ORDERS, 0, Integer.MAX_VALUE);
        int ratioOrders = (int) arguments.longValue("ratio-orders", RatioBench.DEFAULT_ORDERS, 0, 10_000_000);
        Flow flow = null;
        if (orders > 0) {
            try {
                flow = FlowFiles.load(arguments.text("flow", DEFAULT_FLOW)).withOrderCount((int) orders);
            } catch (FlowException e) {
                err.println(e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        out.printf(Locale.ROOT, "Switchboard bench on %s, %d processors, Java %s, max heap %.0f MB, collectors %s%n",
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / MB, collectors);
        // the engine first: a long flow run before it would leave the event loop's call sites
        // shaped by the system's many event kinds, which is not what the hold model measures
        if (events > 0) {
            benchEngine(pending, events);
        }
        if (flow != null) {
            benchFlow(flow);
        }
        if (ratioOrders > 0) {
            try {
                new RatioBench(out, err).run(FlowFiles.load(DEFAULT_FLOW), ratioOrders);
            } catch (FlowException e) {
                err.println(e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private void benchEngine(int pending, long events) {
        out.printf(Locale.ROOT, "%nEngine: hold model, %,d pending events, each rescheduling itself an exponential time later%n",
                pending);
        HoldModelBenchmark bench = new HoldModelBenchmark(pending);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            bench.measure(Math.max(1, events / 4));
        }
        double[] rates = new double[MEASURED_ROUNDS];
        double[] cpuRates = new double[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            HoldModelBenchmark.Result result = bench.measure(events);
            rates[i] = result.eventsPerSecond();
            cpuRates[i] = result.eventsPerCpuSecond();
            out.printf(Locale.ROOT, "  round %d: %,d events in %.3f s = %.2f M events/s (%.2f M per CPU-second)%n",
                    i + 1, result.events(), result.seconds(), rates[i] / 1e6, cpuRates[i] / 1e6);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        out.printf(Locale.ROOT, "  median %.2f M events/s, best %.2f M events/s (after %d warm-up rounds);"
                        + " median %.2f M per CPU-second%n",
                rates[MEASURED_ROUNDS / 2] / 1e6, rates[MEASURED_ROUNDS - 1] / 1e6, WARM_UP_ROUNDS,
                cpuRates[MEASURED_ROUNDS / 2] / 1e6);
    }

    private void benchFlow(Flow flow) {
        out.printf(Locale.ROOT, "%nFlow: %s, %,d orders, %d scheduled fault(s), metrics only, no warm-up%n",
                flow.name(), flow.orders().count(), flow.faults().size());
        HeadlessRun run = new HeadlessRun(flow);
        HeapWatch heap = HeapWatch.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        Report report = run.run(new Progress(err));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = cpuTimed ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9 : Double.NaN;
        HeapWatch.Usage usage = heap.stop();
        Report.Orders o = report.orders();
        out.printf(Locale.ROOT, "  wall time %.2f s (CPU time of the running thread %.2f s) for %,.0f s of simulated time%n",
                seconds, cpuSeconds, report.simulatedMs() / 1000);
        out.printf(Locale.ROOT, "  %,d engine events (%.2f M/s), %,d trace events (%.2f M/s)%n",
                run.engineEvents(), run.engineEvents() / seconds / 1e6, report.events(), report.events() / seconds / 1e6);
        out.printf(Locale.ROOT, "  orders: %,d placed, %,d delivered, %,d rejected, %,d failed, %,d lost, %,d in flight%n",
                o.placed(), o.delivered(), o.rejected(), o.failed(), o.lost(), o.inFlight());
        out.printf(Locale.ROOT, "  heap: peak used %.0f MB (sum of pool peaks, garbage included), largest live after a GC %.0f MB,"
                        + " max heap %.0f MB; %d collections, %d ms%n",
                usage.peakUsedBytes() / MB, usage.maxLiveAfterGcBytes() / MB, usage.maxHeapBytes() / MB,
                usage.collections(), usage.collectionMillis());
    }
}
