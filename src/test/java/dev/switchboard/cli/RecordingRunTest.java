package dev.switchboard.cli;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.FlowWriter;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.run.Recording;
import dev.switchboard.run.RecordingFiles;
import dev.switchboard.run.Run;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.ReportText;
import dev.switchboard.trace.TraceJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run REC.json} prints the report of the recorded run exactly as it was played, and writes its trace. */
class RecordingRunTest {

    /** A run played as the window plays one, with a report and a trace file listening, as the runner has them. */
    static Recording played(Flow flow, Metrics metrics, TraceJsonWriter trace) {
        Run run = new Run(flow);
        run.addListener(metrics);
        run.addListener(trace);
        run.start();
        run.runUntil(1_500);
        run.apply(new Command.SetSlowdown(ServiceId.KITCHEN, 5));
        for (int i = 0; i < 7; i++) {
            run.step();
        }
        run.apply(new Command.PlaceOrders(3));
        run.apply(new Command.SetRetry(LinkId.ORDER_INVENTORY, new RetryPolicy(3, 50, 2, 0.2)));
        run.runUntil(4_000.25);
        run.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        run.apply(new Command.SetBreaker(LinkId.ORDER_INVENTORY, BreakerPolicy.defaults()));
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, true));
        run.runUntil(6_000);
        run.apply(new Command.SetServiceDown(ServiceId.INVENTORY, false));
        run.runToEnd();
        return run.applied();
    }

    private static Recording saved(Path dir, Path rec) throws Exception {
        Metrics metrics = new Metrics();
        Recording recording;
        try (TraceJsonWriter trace = TraceJsonWriter.open(dir.resolve("window.jsonl"))) {
            recording = played(FlowLoader.loadSample("hybrid-order.json"), metrics, trace);
        }
        Files.writeString(dir.resolve("window-report.json"), ReportJson.write(metrics.report()));
        Files.writeString(dir.resolve("window-report.txt"), ReportText.write(metrics.report()));
        RecordingFiles.write(recording, rec);
        return recording;
    }

    @Test
    void theRunnerPrintsTheReportOfTheRecordedRunAndWritesItsTrace(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("rec.json");
        saved(dir, rec);
        Path trace = dir.resolve("cli.jsonl");
        MainTest.Outcome json = MainTest.main("run", rec.toString(), "--trace", trace.toString());
        assertEquals(0, json.status(), json.err());
        assertEquals(Files.readString(dir.resolve("window-report.json")), json.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("window.jsonl")), Files.readAllBytes(trace));
        MainTest.Outcome text = MainTest.main("run", rec.toString(), "--format", "text");
        assertEquals(Files.readString(dir.resolve("window-report.txt")), text.out());

        MainTest.Outcome flowAlone = MainTest.main("run", "hybrid-order.json");
        assertNotEquals(json.out(), flowAlone.out(), "the commands change the run");
    }

    @Test
    void aRecordingCannotBeGivenAnotherSeedOrWorkload(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("rec.json");
        saved(dir, rec);
        MainTest.Outcome seed = MainTest.main("run", rec.toString(), "--seed", "7");
        assertEquals(Main.EXIT_USAGE, seed.status());
        assertTrue(seed.err().startsWith("switchboard: --seed cannot change a recording"), seed.err());
    }

    @Test
    void aBadRecordingIsOneLineAndExitStatus2(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("bad.json");
        Files.writeString(rec, "{\"switchboardRecording\": 1, \"flow\": {\"name\": \"x\"}, \"commands\": [\n"
                + "  {\"atEvent\": 3, \"atMs\": 1, \"command\": \"setWorkers\", \"service\": \"kitchen\", \"workers\": 0}]}");
        MainTest.Outcome result = MainTest.main("run", rec.toString());
        assertEquals(Main.EXIT_USAGE, result.status());
        assertEquals(rec + ":2:3: commands[0]: A service has 1 to 64 workers, not 0.\n", result.err());
    }

    @Test
    void aRecordingThatDoesNotFitItsFlowIsRefusedWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("late.json");
        Files.writeString(rec, "{\"switchboardRecording\": 1, \"flow\": " + FlowWriter.write(FlowLoader.loadSample("one-order.json"))
                + ", \"commands\": [{\"atEvent\": 999999, \"atMs\": 1, \"command\": \"placeOrders\", \"count\": 1}]}");
        MainTest.Outcome result = MainTest.main("run", rec.toString());
        assertEquals(Main.EXIT_FAILED, result.status());
        assertTrue(result.err().startsWith("switchboard: " + rec + ": the recording does not fit its flow: A command"),
                result.err());
    }
}
