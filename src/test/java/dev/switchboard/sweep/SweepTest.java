package dev.switchboard.sweep;

import dev.switchboard.trace.QueueTheory;

import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.Flow;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest {
    private static final FlowVariants HYBRID = overrides -> FlowLoader.loadSample("hybrid-order.json", overrides);

    @Test
    void everyCombinationIsAPointWithTheFirstAxisVaryingSlowest() throws FlowException {
        Sweep sweep = new Sweep(HYBRID, List.of(SweepAxis.parse("services.kitchen.workers=1..3"),
                SweepAxis.parse("links.order->kitchen.style=sync,queue")), 2, 10);
        assertEquals(6, sweep.points().size());
        assertEquals(List.of("1", "sync"), sweep.points().get(0).values());
        assertEquals(List.of("1", "queue"), sweep.points().get(1).values());
        assertEquals(List.of("3", "queue"), sweep.points().get(5).values());
        assertEquals(3, sweep.points().get(5).flow().service(ServiceId.KITCHEN).workers());
        assertEquals(10, sweep.points().get(5).flow().orders().count());
        assertEquals(12, sweep.totalRuns());
    }

    @Test
    void aValueThatMakesAnInvalidFlowIsRefusedBeforeAnythingRuns() {
        FlowException e = assertThrows(FlowException.class,
                () -> new Sweep(HYBRID, List.of(SweepAxis.parse("links.order->kitchen.style=sync,bogus")), 2, 10));
        assertEquals("links[\"order->kitchen\"].style", e.fieldPath());
    }

    @Test
    void theResultsAreTheSameWhateverTheNumberOfThreads() throws Exception {
        List<SweepAxis> axes = List.of(SweepAxis.parse("services.kitchen.workers=1..3"),
                SweepAxis.parse("links.order->kitchen.style=sync,queue"));
        List<PointResult> one = new Sweep(HYBRID, axes, 3, 300).run(1, (d, t) -> { });
        List<PointResult> four = new Sweep(HYBRID, axes, 3, 300).run(4, (d, t) -> { });
        assertEquals(one.size(), four.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).figures(), four.get(i).figures(), "point " + i);
        }
        assertTrue(one.get(0).figure(Figure.ACCEPT_MEAN_MS).mean() > one.get(1).figure(Figure.ACCEPT_MEAN_MS).mean(),
                "a sync kitchen makes the customer wait for the cooking");
    }

    @Test
    void progressReachesEveryRunAndACancelledSweepStops() throws Exception {
        Sweep sweep = new Sweep(HYBRID, List.of(SweepAxis.parse("services.kitchen.workers=2..3")), 2, 50);
        int[] last = new int[2];
        sweep.run(2, (done, total) -> {
            synchronized (last) {
                last[0] = Math.max(last[0], done);
                last[1] = total;
            }
        });
        assertEquals(4, last[0]);
        assertEquals(4, last[1]);
        Sweep cancelled = new Sweep(HYBRID, List.of(SweepAxis.parse("services.kitchen.workers=2..3")), 2, 1_000_000);
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> cancelled.run(2, (d, t) -> { }));
    }

    @Test
    void theoryGivesErlangCForTheKitchenAndTheSyncChainSum() throws FlowException {
        // M/M/1 with rho = 0.5: Wq = rho / (mu - lambda) = 0.5 / (1/100 - 1/200) = 100 ms
        assertEquals(100, QueueTheory.erlangCWaitMs(1 / 200.0, 1 / 100.0, 1).getAsDouble(), 1e-9);
        // M/M/2 with a = 1: C = 1/3, Wq = C / (2 mu - lambda) = (1/3) / (1/100) = 33.33 ms
        assertEquals(100 / 3.0, QueueTheory.erlangCWaitMs(1 / 100.0, 1 / 100.0, 2).getAsDouble(), 1e-9);
        assertEquals(OptionalDouble.empty(), QueueTheory.erlangCWaitMs(1 / 50.0, 1 / 100.0, 2), "unstable");
        Flow hybrid = HYBRID.load(List.of());
        // 0.05 x (20 + 30 + 20) + 0.95 x (20 + 30 + 20 + 5)
        assertEquals(0.05 * 70 + 0.95 * 75, Theory.acceptMeanMs(hybrid).getAsDouble(), 1e-9);
        assertTrue(Theory.kitchenWaitMs(hybrid).isEmpty(), "uniform cooking is not M/M/c");
    }
}
