package dev.switchboard.cli;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.run.RecordingFiles;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.TraceJsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same flow and seed give byte-identical reports and traces, in this JVM and in another one. */
class RunDeterminismTest {
    private static final String[] FLOWS = {"hybrid-order.json", "lossy-network.json", "inventory-outage.json",
        "retry-storm.json", "duplicate-delivery.json"};

    private static byte[][] runInThisJvm(String flow, Path trace) throws Exception {
        MainTest.Outcome result = MainTest.main("run", flow, "--orders", "300", "--trace", trace.toString());
        assertEquals(0, result.status(), result.err());
        return new byte[][] {result.out().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(trace)};
    }

    private static byte[][] runInAnotherJvm(String flow, Path trace, Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.cli.Main", "run", flow, "--orders", "300", "--trace", trace.toString()));
        Path out = dir.resolve("stdout-" + flow);
        Path err = dir.resolve("stderr-" + flow);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the second JVM did not finish");
        assertEquals(0, process.exitValue(), Files.readString(err));
        return new byte[][] {Files.readAllBytes(out), Files.readAllBytes(trace)};
    }

    @Test
    void twiceInOneJvmTheReportAndTraceAreByteIdentical(@TempDir Path dir) throws Exception {
        for (String flow : FLOWS) {
            byte[][] first = runInThisJvm(flow, dir.resolve("first-" + flow + ".jsonl"));
            byte[][] second = runInThisJvm(flow, dir.resolve("second-" + flow + ".jsonl"));
            assertArrayEquals(first[0], second[0], flow + ": report");
            assertArrayEquals(first[1], second[1], flow + ": trace");
            assertTrue(first[1].length > 10_000, flow + ": a real trace");
        }
    }

    @Test
    void inAnotherJvmTheReportAndTraceAreByteIdentical(@TempDir Path dir) throws Exception {
        for (String flow : FLOWS) {
            byte[][] here = runInThisJvm(flow, dir.resolve("here-" + flow + ".jsonl"));
            byte[][] there = runInAnotherJvm(flow, dir.resolve("there-" + flow + ".jsonl"), dir);
            assertArrayEquals(here[0], there[0], flow + ": report");
            assertArrayEquals(here[1], there[1], flow + ": trace");
        }
    }

    @Test
    void aSavedRecordingReplaysToByteIdenticalReportAndTraceInAnotherJvm(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("played.json");
        Path windowTrace = dir.resolve("window.jsonl");
        try (TraceJsonWriter trace = TraceJsonWriter.open(windowTrace)) {
            RecordingFiles.write(RecordingRunTest.played(FlowLoader.loadSample("hybrid-order.json"), new Metrics(), trace), rec);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path thereTrace = dir.resolve("there.jsonl");
        Path out = dir.resolve("stdout-rec");
        Path err = dir.resolve("stderr-rec");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.switchboard.cli.Main", "run", rec.toString(), "--trace", thereTrace.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the second JVM did not finish");
        assertEquals(0, process.exitValue(), Files.readString(err));
        Path hereTrace = dir.resolve("here.jsonl");
        MainTest.Outcome here = MainTest.main("run", rec.toString(), "--trace", hereTrace.toString());
        assertEquals(0, here.status(), here.err());
        assertArrayEquals(here.out().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out), "report");
        assertArrayEquals(Files.readAllBytes(hereTrace), Files.readAllBytes(thereTrace), "trace");
        assertArrayEquals(Files.readAllBytes(windowTrace), Files.readAllBytes(thereTrace), "the trace of the run as played");
        assertTrue(Files.readString(thereTrace).contains("\"type\":\"CommandApplied\""));
    }

    @Test
    void anotherSeedGivesAnotherReport() {
        String a = MainTest.main("run", "hybrid-order.json", "--seed", "1").out();
        String b = MainTest.main("run", "hybrid-order.json", "--seed", "2").out();
        assertFalse(a.isEmpty());
        assertNotEquals(a, b);
    }
}
