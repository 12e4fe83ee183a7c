package dev.switchboard.ui.diagram;

import dev.switchboard.flow.Flow;
import dev.switchboard.system.Simulation;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The diagram's frame-rate benchmark (not a test): opens a window with a {@link DiagramView} fed by
 * a real {@link Simulation} of a crowded flow, advances the virtual clock with the wall clock on
 * every animation pulse for a fixed time, and prints the frames per second, the 50th/99th-percentile
 * interval between pulses and the tokens in flight. Run it under the software renderer:
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp target/classes:$(cat cp.txt) \
 *     dev.switchboard.ui.diagram.DiagramFrameBench [--seconds 10] [--rate 500] [--flow crowded|hybrid|showcase|SAMPLE.json]
 *     [--start MS] [--speed X] [--select ORDER] [--wall-clock] [--hold] [--presenter] [--width W --height H]
 *     [--compare [PRESET]] [--warmup SECONDS]
 * </pre>
 * {@code --warmup} (default 3 s) animates before measuring, so the JIT compiler has done its work; the
 * two diagrams of {@code --compare} keep the C2 compiler busy for longer than that, so their steady state
 * needs 15 s or more.
 * {@code --compare} draws compare mode's two diagrams side by side (each with its own state and gauge),
 * fed by a {@link dev.switchboard.compare.Comparison} of the flow under a preset (default
 * {@code sync-vs-queue}) on one clock; the tokens counted are both sides'.
 * By default every frame advances the virtual clock by one 60 Hz frame (16.7 ms × speed), so each
 * frame does the work a 60 Hz frame must do however slow the machine is; {@code --wall-clock}
 * advances it by the real time elapsed instead, as the app does. {@code --hold} keeps the window
 * open and animating with the wall clock (for screenshots) instead of measuring.
 */
public final class DiagramFrameBench {

    private DiagramFrameBench() {
    }

    public static void main(String[] args) {
        RenderSettings.beforeToolkit();
        Application.launch(BenchApp.class, args);
    }

    /** The options, parsed with a clear message for anything wrong. */
    record Options(String flow, double seconds, double ratePerSecond, double startMs, double speed, boolean hold,
                   Long select, int width, int height, boolean wallClock, boolean presenter, String compare,
                   double warmupSeconds) {

        static Options parse(String[] args) {
            String flow = "crowded";
            double seconds = 10;
            double rate = 500;
            Double start = null;
            double speed = 1;
            double warmup = BenchApp.WARMUP_SECONDS;
            boolean hold = false;
            boolean wallClock = false;
            boolean presenter = false;
            String compare = null;
            Long select = null;
            int width = 1500;
            int height = 950;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--hold")) {
                    hold = true;
                    continue;
                }
                if (a.equals("--wall-clock")) {
                    wallClock = true;
                    continue;
                }
                if (a.equals("--presenter")) {
                    // Presenter mode's diagram: large text, a 1920×1080 window unless told otherwise.
                    presenter = true;
                    if (width == 1500 && height == 950) {
                        width = 1920;
                        height = 1080;
                    }
                    continue;
                }
                if (a.equals("--compare")) {
                    // two diagrams side by side; an optional preset name follows
                    compare = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i]
                            : dev.switchboard.compare.Presets.DEFAULT_NAME;
                    if (dev.switchboard.compare.Presets.named(compare).isEmpty()) {
                        throw new IllegalArgumentException("--compare takes a preset, one of "
                                + dev.switchboard.compare.Presets.names() + ", not " + compare);
                    }
                    if (width == 1500 && height == 950) {
                        width = 1920;
                        height = 1080;
                    }
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--flow" -> {
                        if (!v.equals("crowded") && !v.equals("hybrid") && !v.equals("showcase")
                                && dev.switchboard.flow.SampleFlows.byFileName(v).isEmpty()) {
                            throw new IllegalArgumentException("--flow is crowded, hybrid, showcase or a sample file name"
                                    + " such as all-sync.json, not " + v);
                        }
                        flow = v;
                    }
                    case "--seconds" -> seconds = positive(a, v);
                    case "--rate" -> rate = positive(a, v);
                    case "--start" -> start = Double.parseDouble(v);
                    case "--speed" -> speed = positive(a, v);
                    case "--warmup" -> warmup = positive(a, v);
                    case "--select" -> select = Long.parseLong(v);
                    case "--width" -> width = (int) positive(a, v);
                    case "--height" -> height = (int) positive(a, v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            // The crowded flow needs a few seconds before the links fill up with tokens.
            double startMs = start != null ? start : flow.equals("crowded") ? 4_000 : 0;
            return new Options(flow, seconds, rate, startMs, speed, hold, select, width, height, wallClock || hold,
                    presenter, compare, warmup);
        }

        private static double positive(String option, String value) {
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not " + value);
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(option + " must be a positive number, not " + value);
            }
            return d;
        }

        private static Flow loadSample(String fileName) {
            try {
                return dev.switchboard.flow.SampleFlows.byFileName(fileName).orElseThrow().load();
            } catch (dev.switchboard.flow.FlowException e) {
                throw new IllegalArgumentException("the sample " + fileName + " does not load: " + e.getMessage());
            }
        }

        Flow buildFlow() {
            // Enough orders to keep arriving past the end of the measurement.
            double virtualSpan = (startMs + (seconds + warmupSeconds) * 1000 * speed) / 1000 + 5;
            return switch (flow) {
                case "hybrid" -> DiagramFlows.hybrid(hold ? 200 : 50, 42);
                case "showcase" -> DiagramFlows.showcase(200, 42);
                case "crowded" -> DiagramFlows.crowded(ratePerSecond, virtualSpan, 7);
                default -> loadSample(flow);
            };
        }
    }

    /** The window and the measuring loop. */
    public static final class BenchApp extends Application {

        /** Animation before the measurement starts, so the JIT compiler has done its work (the default). */
        static final double WARMUP_SECONDS = 3;
        /** The virtual time one frame advances in the default fixed-step mode: one 60 Hz frame. */
        static final double FRAME_MS = 1000.0 / 60;

        @Override
        public void start(Stage stage) {
            Options options;
            try {
                options = Options.parse(getParameters().getRaw().toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                System.err.println("DiagramFrameBench: " + e.getMessage());
                Platform.exit();
                return;
            }
            Bench bench;
            try {
                bench = options.compare() == null ? Bench.single(options) : Bench.compare(options);
            } catch (IllegalArgumentException e) {
                System.err.println("DiagramFrameBench: " + e.getMessage());
                Platform.exit();
                return;
            }
            Label status = new Label();
            status.setStyle("-fx-padding: 4 8 4 8;");
            javafx.scene.layout.HBox diagrams = new javafx.scene.layout.HBox(6);
            for (DiagramView v : bench.views()) {
                javafx.scene.layout.HBox.setHgrow(v, javafx.scene.layout.Priority.ALWAYS);
                v.setMinWidth(0);
                v.setPrefWidth(options.width() / (double) bench.views().size());
                diagrams.getChildren().add(v);
            }
            BorderPane root = new BorderPane(diagrams);
            root.setTop(status);
            root.setBottom(new Legend());
            stage.setScene(new Scene(root, options.width(), options.height()));
            stage.setTitle("Switchboard diagram — " + bench.name());
            stage.show();
            bench.render(bench.nowMs());

            int maxFrames = (int) Math.ceil(options.seconds() * 240) + 10;
            long[] intervals = new long[maxFrames];
            int[] tokens = new int[maxFrames];
            long[] simNanos = new long[maxFrames];
            long[] renderNanos = new long[maxFrames];
            long[] cpuAtStart = new long[1];
            long[] threadsAtStart = new long[2];
            java.util.Map<String, Long> tasksAtStart = new java.util.HashMap<>();
            new AnimationTimer() {
                private long firstNanos = -1;
                private long lastNanos;
                private int frames;
                private double virtualMs = bench.nowMs();
                private boolean warming = true;
                private long pulses;

                @Override
                public void handle(long now) {
                    if (firstNanos < 0) {
                        firstNanos = now;
                        lastNanos = now;
                        return;
                    }
                    long elapsed = now - lastNanos;
                    lastNanos = now;
                    // A fixed step gives every frame the work of one 60 Hz frame, so a slow frame does not make
                    // the next one carry more virtual time (the wall-clock mode spirals on a busy machine).
                    virtualMs += (options.wallClock() ? elapsed / 1e6 : FRAME_MS) * options.speed();
                    long t0 = System.nanoTime();
                    bench.runUntil(virtualMs);
                    long t1 = System.nanoTime();
                    bench.render(virtualMs);
                    long t2 = System.nanoTime();
                    // A few times a second: the bench's own caption should not weigh on what it measures.
                    if (++pulses % 15 == 0) {
                        status.setText(String.format(Locale.ROOT, "%s · virtual %.1f s · %d tokens in flight",
                                bench.name(), virtualMs / 1000, bench.tokensDrawn()));
                    }
                    if (options.hold()) {
                        return;
                    }
                    if (warming) {
                        // The first seconds measure the JIT compiler more than the diagram.
                        if (now - firstNanos >= options.warmupSeconds() * 1e9) {
                            warming = false;
                            firstNanos = now;
                            cpuAtStart[0] = processCpuNanos();
                            threadsAtStart[0] = threadCpuNanos(true);
                            threadsAtStart[1] = threadCpuNanos(false);
                            tasksAtStart.putAll(taskCpuTicks());
                        }
                        return;
                    }
                    if (frames < maxFrames) {
                        intervals[frames] = elapsed;
                        simNanos[frames] = t1 - t0;
                        renderNanos[frames] = t2 - t1;
                        tokens[frames] = bench.tokensDrawn();
                        frames++;
                    }
                    if (now - firstNanos >= options.seconds() * 1e9 || frames == maxFrames) {
                        stop();
                        report(options, frames, (now - firstNanos) / 1e9, intervals, tokens, simNanos, renderNanos,
                                processCpuNanos() - cpuAtStart[0], threadCpuNanos(true) - threadsAtStart[0],
                                threadCpuNanos(false) - threadsAtStart[1]);
                        printTasks(tasksAtStart, taskCpuTicks(), frames);
                        Platform.exit();
                    }
                }
            }.start();
        }

        private static void report(Options options, int frames, double seconds, long[] intervals, int[] tokens,
                                   long[] simNanos, long[] renderNanos, long cpuNanos, long fxNanos,
                                   long rendererNanos) {
            long[] sorted = Arrays.copyOf(intervals, frames);
            Arrays.sort(sorted);
            int[] tokenCounts = Arrays.copyOf(tokens, frames);
            Arrays.sort(tokenCounts);
            double meanTokens = Arrays.stream(tokenCounts).average().orElse(0);
            System.out.printf(Locale.ROOT,
                    "DiagramFrameBench flow=%s%s rate=%.0f/s renderer=%s clock=%s: %d frames in %.2f s = %.1f fps; "
                            + "frame interval p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "tokens in flight min %d, mean %.0f, max %d%n",
                    options.flow(), options.compare() == null ? "" : " compare=" + options.compare() + " (two diagrams)",
                    options.ratePerSecond(), System.getProperty("prism.order", "default"),
                    options.wallClock() ? "wall" : "fixed 60 Hz steps",
                    frames, seconds, frames / seconds,
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[frames - 1] / 1e6,
                    tokenCounts[0], meanTokens, tokenCounts[frames - 1]);
            long[] sim = Arrays.copyOf(simNanos, frames);
            long[] render = Arrays.copyOf(renderNanos, frames);
            Arrays.sort(sim);
            Arrays.sort(render);
            System.out.printf(Locale.ROOT, "  inside the pulse: simulation p50 %.1f ms p99 %.1f ms; "
                            + "DiagramView.render p50 %.1f ms p99 %.1f ms (the rest is JavaFX CSS, layout and drawing)%n",
                    percentile(sim, 0.5) / 1e6, percentile(sim, 0.99) / 1e6,
                    percentile(render, 0.5) / 1e6, percentile(render, 0.99) / 1e6);
            // On a shared machine the wall-clock rate depends on the neighbours; the CPU this process
            // spent per frame (all its threads, the renderer's included) does much less.
            System.out.printf(Locale.ROOT, "  process CPU: %.1f ms per frame (%.0f%% of one core); load average %.1f on %d cores%n",
                    cpuNanos / 1e6 / frames, cpuNanos / 1e9 / seconds * 100,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            // Per thread: what the pulse's CSS, layout and painting cost, and what rasterizing the frame cost.
            System.out.printf(Locale.ROOT, "  thread CPU per frame: FX thread %.1f ms, renderer %.1f ms%n",
                    fxNanos / 1e6 / frames, rendererNanos / 1e6 / frames);
        }

        /**
         * CPU time so far of the FX application thread (the caller, when {@code fx}) or of the render
         * thread ({@code QuantumRenderer-*}, which rasterizes the frames); -1 where the JVM cannot tell.
         */
        private static long threadCpuNanos(boolean fx) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            if (!threads.isThreadCpuTimeSupported()) {
                return -1;
            }
            if (fx) {
                return threads.getCurrentThreadCpuTime();
            }
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    return threads.getThreadCpuTime(t.getId());
                }
            }
            return -1;
        }

        /** Every thread's CPU ticks (Linux: /proc/self/task, GC and compiler threads included), by name and id. */
        private static java.util.Map<String, Long> taskCpuTicks() {
            java.util.Map<String, Long> ticks = new java.util.HashMap<>();
            java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
            if (tasks == null) {
                return ticks;
            }
            for (java.io.File task : tasks) {
                try {
                    String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close) + "#" + task.getName();
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks.put(name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
            return ticks;
        }

        /** The threads that took the most CPU during the measurement, in ms per frame (10 ms ticks). */
        private static void printTasks(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int frames) {
            java.util.Map<String, Long> byName = new java.util.TreeMap<>();
            after.forEach((name, t) -> byName.merge(name.replaceAll("[0-9]*#[0-9]+$", ""),
                    t - before.getOrDefault(name, 0L), Long::sum));
            StringBuilder line = new StringBuilder("  threads (ms per frame):");
            byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(8)
                    .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue() * 10.0 / frames)));
            System.out.println(line);
        }

        private static long processCpuNanos() {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getProcessCpuTime();
            }
            return 0;
        }

        private static long percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    /** What the bench animates: one simulation and its diagram, or compare mode's two sides on one clock. */
    private record Bench(String name, List<DiagramView> views, java.util.function.DoubleConsumer advance,
                         java.util.function.DoubleSupplier now) {

        static Bench single(Options options) {
            Simulation sim = new Simulation(options.buildFlow());
            DiagramState state = new DiagramState();
            sim.addListener(state);
            // The window always shows the customer gauge; the bench draws it too.
            dev.switchboard.trace.CustomerGauge gauge = new dev.switchboard.trace.CustomerGauge();
            sim.addListener(gauge);
            sim.start();
            sim.runUntil(options.startMs());
            DiagramView view = view(state, gauge, options);
            return new Bench(sim.flow().name(), List.of(view), sim::runUntil, sim::nowMs);
        }

        static Bench compare(Options options) {
            Flow flow = options.buildFlow();
            String json = dev.switchboard.flow.FlowWriter.write(flow);
            dev.switchboard.compare.Comparison comparison;
            try {
                comparison = dev.switchboard.compare.Comparison.load(
                        o -> dev.switchboard.flow.FlowLoader.parse(json, flow.name(), o),
                        dev.switchboard.compare.Presets.require(options.compare()), List.of(), List.of(), null);
            } catch (dev.switchboard.flow.FlowException e) {
                throw new IllegalArgumentException("the preset " + options.compare() + " does not fit: " + e.getMessage());
            }
            List<DiagramView> views = new java.util.ArrayList<>();
            for (dev.switchboard.compare.Side side : dev.switchboard.compare.Side.values()) {
                DiagramState state = new DiagramState();
                dev.switchboard.trace.CustomerGauge gauge = new dev.switchboard.trace.CustomerGauge();
                comparison.addListener(side, state);
                comparison.addListener(side, gauge);
                views.add(view(state, gauge, options));
            }
            comparison.start();
            comparison.runUntil(options.startMs());
            return new Bench(flow.name() + " — " + comparison.label(dev.switchboard.compare.Side.LEFT) + " | "
                    + comparison.label(dev.switchboard.compare.Side.RIGHT), List.copyOf(views),
                    comparison::runUntil, comparison::nowMs);
        }

        private static DiagramView view(DiagramState state, dev.switchboard.trace.CustomerGauge gauge, Options options) {
            DiagramView view = new DiagramView(state);
            view.setGauge(gauge);
            view.largeTextProperty().set(options.presenter());
            view.setSelectedOrder(options.select());
            return view;
        }

        void runUntil(double virtualMs) {
            advance.accept(virtualMs);
        }

        double nowMs() {
            return now.getAsDouble();
        }

        void render(double virtualMs) {
            for (DiagramView view : views) {
                view.render(virtualMs);
            }
        }

        int tokensDrawn() {
            int sum = 0;
            for (DiagramView view : views) {
                sum += view.lastTokensDrawn();
            }
            return sum;
        }
    }
}
