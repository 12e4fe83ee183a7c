package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.OrdersSpec;
import dev.switchboard.run.Run;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.ui.diagram.DiagramState;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The timeline's benchmark (not a test): plays the hybrid sample with 5,000 orders over about ten
 * virtual minutes through every reader the window has (narration, orders, controls, why-window folds,
 * diagram state, gauge; exports read the history when asked), then drags the timeline to random moments and prints how long
 * rebuilding each moment took (median, 95th percentile, max), beside the engine's own replay time
 * without readers, as a ratio measured in the same JVM. No window is needed:
 * <pre>
 * java -cp target/classes:$(cat cp.txt) dev.switchboard.ui.ScrubBench [--orders 5000] [--seeks 40]
 * </pre>
 */
public final class ScrubBench {
    private ScrubBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = 5_000;
        int seeks = 40;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--seeks" -> seeks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Flow sample = FlowLoader.loadSample("hybrid-order.json");
        double gapMs = 600_000.0 / orders;
        Flow flow = new Flow(sample.name(), sample.description(), sample.seed(),
                new OrdersSpec(orders, new Distribution.Exponential(gapMs)), sample.services(), sample.links(),
                sample.faults(), sample.discovery(), sample.beats());

        MainViewModel vm = new MainViewModel();
        PlaybackViewModel playback = vm.playback();
        DiagramState diagram = new DiagramState();
        playback.addListener(RunListener.of(diagram, diagram::clear));
        CustomerGauge gauge = new CustomerGauge();
        playback.addListener(RunListener.of(gauge, () -> { }));
        vm.open(flow, "bench");

        long playStart = System.nanoTime();
        while (!playback.isIdle()) {
            playback.advanceBy(1_000);
        }
        double playMs = (System.nanoTime() - playStart) / 1e6;
        double endMs = playback.getNowMs();
        System.out.printf(Locale.ROOT, "ScrubBench: %,d orders, run of %.1f virtual s, %,d engine events, %,d narration lines; "
                        + "played through every reader in %.0f ms%n",
                orders, endMs / 1000, playback.executedEvents(), vm.narration().totalLinesProperty().get(), playMs);

        SplittableRandom random = new SplittableRandom(7);
        // warm-up: the JIT compiles the replay path
        for (int i = 0; i < 5; i++) {
            playback.seekTo(random.nextDouble() * endMs);
        }
        double[] seekMs = new double[seeks];
        double[] engineMs = new double[seeks];
        for (int i = 0; i < seeks; i++) {
            double target = random.nextDouble() * endMs;
            long t0 = System.nanoTime();
            playback.seekTo(target);
            seekMs[i] = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            Run bare = new Run(playback.getRecording());
            bare.start();
            bare.runUntil(target);
            engineMs[i] = (System.nanoTime() - t1) / 1e6;
        }
        Arrays.sort(seekMs);
        Arrays.sort(engineMs);
        System.out.printf(Locale.ROOT, "seek to a random moment (%d seeks): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                seeks, seekMs[seeks / 2], seekMs[(int) Math.ceil(seeks * 0.95) - 1], seekMs[seeks - 1]);
        System.out.printf(Locale.ROOT, "the engine alone replaying to the same moments: median %.1f ms, max %.1f ms "
                + "(readers cost %.1f× the engine)%n", engineMs[seeks / 2], engineMs[seeks - 1],
                seekMs[seeks / 2] / Math.max(1e-9, engineMs[seeks / 2]));
    }
}
