package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.run.Moment;
import dev.switchboard.run.Player;
import dev.switchboard.run.Recording;
import dev.switchboard.run.StampedCommand;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.ui.diagram.DiagramState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Going back in time on random runs with random commands (the generator of {@link ConservationPropertyTest}):
 * the whole state the readers show at a moment — the report's metrics, the gauge and the diagram's state as
 * values — is the same after seeking back and forth as when the moment was first shown.
 */
class RewindPropertyTest {
    private static final int CONFIGURATIONS = 60;

    /** The readers a window has, rebuilt on every reset. */
    private static final class Readers {
        Metrics metrics = new Metrics();
        CustomerGauge gauge = new CustomerGauge();
        DiagramState diagram = new DiagramState();

        void reset() {
            metrics = new Metrics();
            gauge = new CustomerGauge();
            diagram = new DiagramState();
        }

        void onEvent(TraceEvent event) {
            metrics.onEvent(event);
            gauge.onEvent(event);
            diagram.onEvent(event);
        }

        String state() {
            return ReportJson.write(metrics.report()) + "\n" + gauge.reading() + "\n" + diagram.snapshot();
        }
    }

    /** Plays a random run with random commands and keeps its recording (the commands at their places). */
    private static Recording randomRecording(SplittableRandom random, int index) {
        Flow flow = ConservationPropertyTest.randomFlow(random, index);
        Simulation simulation = new Simulation(flow);
        List<StampedCommand> commands = new ArrayList<>();
        simulation.addListener(event -> {
            if (event instanceof TraceEvent.CommandApplied applied) {
                commands.add(new StampedCommand(simulation.executedEvents(), event.timeMs(), applied.command()));
            }
        });
        simulation.start();
        ConservationPropertyTest.applyRandomCommands(simulation, random);
        return new Recording(flow, commands);
    }

    @Test
    void theStateAtAMomentIsTheSameAfterSeekingBackAndForthOnRandomRunsWithRandomCommands() {
        for (int i = 0; i < CONFIGURATIONS; i++) {
            SplittableRandom random = new SplittableRandom(5000 + i);
            Recording recording = randomRecording(random, i);
            Readers readers = new Readers();
            Player player = new Player((flow, rewinding) -> readers.reset(), readers::onEvent);
            player.load(recording, Moment.START);
            List<Double> times = new ArrayList<>();
            List<String> states = new ArrayList<>();
            double t = player.nowMs();
            for (int k = 0; k < 10; k++) {
                t += random.nextDouble() * 2_000;
                if (random.nextInt(4) == 0) {
                    for (int s = random.nextInt(20); s > 0 && player.step(); s--) {
                        // a few single steps, as a student would take
                    }
                    t = Math.max(t, player.nowMs());
                }
                player.runUntil(t);
                times.add(player.nowMs());
                states.add(readers.state());
            }
            for (int k = 0; k < 15; k++) {
                int at = random.nextInt(times.size());
                player.seekTo(times.get(at));
                assertEquals(states.get(at), readers.state(), "configuration " + i + " at " + times.get(at) + " ms");
            }
        }
    }
}
