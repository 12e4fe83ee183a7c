package dev.switchboard.run;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowWriter;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording saved as a file and opened again is the same recording, and replays to the same trace. */
class RecordingFilesTest {

    /** A run played the way the window plays one: pulses of time, single steps, commands of every family between them. */
    static Run played(Flow flow, List<TraceEvent> trace) {
        Run run = new Run(flow);
        run.addListener(trace::add);
        run.start();
        run.runUntil(1_500);
        run.apply(new Command.SetSlowdown(ServiceId.KITCHEN, 5));
        for (int i = 0; i < 7; i++) {
            run.step();
        }
        run.apply(new Command.PlaceOrders(3));
        run.apply(new Command.SetRetry(LinkId.ORDER_INVENTORY, new RetryPolicy(3, 50, 2, 0.2)));
        run.step();
        run.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        run.apply(new Command.SetBreaker(LinkId.ORDER_INVENTORY, new BreakerPolicy(0.5, 10, 5, 1500.25, 2)));
        run.runUntil(4_000.25);
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, true));
        run.apply(new Command.SetStockFallback(StockFallback.REJECT));
        run.runUntil(6_000);
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, false));
        run.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.QUEUE));
        run.apply(new Command.SetDeliveryPolicy(LinkId.ORDER_KITCHEN,
                new DeliveryPolicy(true, 3, 2000, OverflowPolicy.DROP_OLDEST, 0, true)));
        run.apply(new Command.SetLinkLatency(LinkId.KITCHEN_DELIVERY, new Distribution.Uniform(1.0 / 3, 40)));
        run.apply(new Command.SetDiscovery(DiscoverySpec.DEFAULTS.withBalancing(Balancing.LEAST_BUSY)));
        run.runUntil(7_000);
        run.apply(new Command.SetBreaker(LinkId.ORDER_INVENTORY, null));
        run.apply(new Command.SetDiscovery(null));
        run.runToEnd();
        return run;
    }

    static Flow hybrid() throws FlowException {
        return FlowLoader.loadSample("hybrid-order.json");
    }

    @Test
    void aSavedRecordingIsReadBackEqualAndReplaysToTheSameTrace(@TempDir Path dir) throws Exception {
        List<TraceEvent> played = new ArrayList<>();
        Recording recording = played(hybrid(), played).applied();
        assertEquals(14, recording.commands().size());
        Path file = dir.resolve("run.json");
        RecordingFiles.write(recording, file);

        Recording read = RecordingFiles.read(file);
        assertEquals(recording, read);
        List<TraceEvent> replayed = new ArrayList<>();
        Run.replay(read, replayed::add);
        assertEquals(played, replayed);
        assertEquals(Files.readString(file), RecordingFiles.text(read), "written again, the same text");
    }

    @Test
    void theFileCarriesTheWholeFlowAndTellsARecordingFromAFlow(@TempDir Path dir) throws Exception {
        Recording recording = played(hybrid(), new ArrayList<>()).applied();
        String text = RecordingFiles.text(recording);
        assertTrue(text.startsWith("{\n  \"switchboardRecording\": 1,\n  \"flow\": {\n    \"name\": \"Hybrid order flow\","), text);
        assertTrue(text.contains("\"atEvent\": "), text);
        Path rec = dir.resolve("rec.json");
        Path flow = dir.resolve("flow.json");
        Files.writeString(rec, text);
        Files.writeString(flow, FlowWriter.write(hybrid()));
        assertTrue(RecordingFiles.isRecording(rec));
        assertFalse(RecordingFiles.isRecording(flow));
        assertFalse(RecordingFiles.isRecording(dir.resolve("missing.json")));
        assertFalse(RecordingFiles.isRecording("{not json"));
    }

    private static final String FLOW = "{\"name\": \"R\", \"services\": {\"kitchen\": {\"workers\": 2}}}";

    private static FlowException refused(String text) {
        return assertThrows(FlowException.class, () -> RecordingFiles.parse(text, "rec.json"));
    }

    @Test
    void aBadRecordingGetsTheErrorsOfABadFlow() {
        FlowException flow = refused("{\"switchboardRecording\": 1,\n \"flow\": {\"name\": \"R\", \"services\": {\"kitchen\": {\"workers\": -3}}}}");
        assertTrue(flow.getMessage().startsWith("rec.json:2:60: flow.services.kitchen.workers: must be >= 1 but was -3"),
                flow.getMessage());

        FlowException factor = refused("{\"switchboardRecording\": 1, \"flow\": " + FLOW + ", \"commands\": [\n"
                + " {\"atEvent\": 1, \"atMs\": 0, \"command\": \"placeOrders\", \"count\": 1},\n"
                + " {\"atEvent\": 5, \"atMs\": 10, \"command\": \"setSlowdown\", \"service\": \"kitchen\", \"factor\": \"5\"}]}");
        assertEquals("rec.json:3:87: commands[1].factor: expected a number but found the string \"5\"", factor.getMessage());

        FlowException range = refused("{\"switchboardRecording\": 1, \"flow\": " + FLOW + ", \"commands\": [\n"
                + " {\"atEvent\": 5, \"atMs\": 10, \"command\": \"setSlowdown\", \"service\": \"kitchen\", \"factor\": 500}]}");
        assertEquals("rec.json:2:2: commands[0]: A slowdown factor must be ×0.1 to ×100, not ×500.", range.getMessage());

        FlowException order = refused("{\"switchboardRecording\": 1, \"flow\": " + FLOW + ", \"commands\": [\n"
                + " {\"atEvent\": 9, \"atMs\": 10, \"command\": \"placeOrders\", \"count\": 1},\n"
                + " {\"atEvent\": 4, \"atMs\": 10, \"command\": \"placeOrders\", \"count\": 1}]}");
        assertEquals("commands[1].atEvent", order.fieldPath());
        assertTrue(order.problem().startsWith("this command (event 4, 10.0 ms) comes before the one above it"), order.problem());

        FlowException name = refused("{\"switchboardRecording\": 1, \"flow\": " + FLOW + ", \"commands\": [\n"
                + " {\"atEvent\": 1, \"atMs\": 0, \"command\": \"setSlowdwn\", \"service\": \"kitchen\", \"factor\": 2}]}");
        assertEquals("commands[0].command", name.fieldPath());
        assertTrue(name.problem().contains("did you mean \"setSlowdown\"?"), name.problem());

        FlowException field = refused("{\"switchboardRecording\": 1, \"flow\": " + FLOW + ", \"comands\": []}");
        assertTrue(field.problem().contains("did you mean \"commands\"?"), field.problem());

        FlowException version = refused("{\"switchboardRecording\": 2, \"flow\": " + FLOW + "}");
        assertEquals("switchboardRecording", version.fieldPath());
        assertEquals("this Switchboard reads recordings of version 1, not 2", version.problem());

        FlowException aFlow = refused(FLOW);
        assertEquals("rec.json:1:1: not a recording: a recording starts {\"switchboardRecording\": 1, \"flow\": {...},"
                + " \"commands\": [...]}; this looks like a flow file (open it as a flow)", aFlow.getMessage());

        FlowException noFlow = refused("{\"switchboardRecording\": 1}");
        assertEquals("flow", noFlow.fieldPath());
    }

    @Test
    void aRecordingWithoutCommandsIsTheFlowAlone() throws FlowException {
        Recording r = RecordingFiles.parse("{\"switchboardRecording\": 1, \"flow\": " + FLOW + "}", "rec.json");
        assertEquals(Recording.of(FlowLoader.parse(FLOW, "f.json")), r);
    }
}
