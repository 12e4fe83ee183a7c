package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What one command printed and returned. */
    record Outcome(int status, String out, String err) {
    }

    static Outcome main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, outStream, errStream);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A hang guard, not a speed check: a registry's heartbeats go on for ever, the run must not. */
    @org.junit.jupiter.api.Timeout(120)
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.switchboard.flow.SampleFlows#fileNames")
    void everySampleRunsToTheEndWithEveryOrderInABucket(String sample) throws Exception {
        Outcome result = main("run", sample);
        assertEquals(0, result.status(), result.err());
        JsonNode orders = MAPPER.readTree(result.out()).get("orders");
        assertEquals(0, orders.get("inFlight").asLong(), sample);
        assertEquals(orders.get("placed").asLong(), orders.get("delivered").asLong() + orders.get("rejected").asLong()
                + orders.get("failed").asLong() + orders.get("lost").asLong() + orders.get("deadLettered").asLong(), sample);
    }

    @Test
    void runningASamplePrintsAValidJsonReportAndExitsZero() throws Exception {
        Outcome result = main("run", "hybrid-order.json");
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        JsonNode report = MAPPER.readTree(result.out());
        assertEquals("Hybrid order flow", report.get("flow").asText());
        assertEquals(42, report.get("seed").asLong());
        JsonNode orders = report.get("orders");
        assertEquals(50, orders.get("placed").asLong());
        assertEquals(50, orders.get("delivered").asLong() + orders.get("rejected").asLong()
                + orders.get("failed").asLong() + orders.get("lost").asLong() + orders.get("inFlight").asLong());
        assertTrue(orders.get("delivered").asLong() > 0);
        assertTrue(report.get("deliveryLatencyMs").get("p95").asDouble() > 0);
        assertTrue(report.get("services").get("kitchen").get("utilization").asDouble() > 0);
    }

    @Test
    void aFlowFileByPathIsRunAndItsNameTakesPrecedenceOverASample(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("hybrid-order.json");
        Files.writeString(flow, "{ \"name\": \"My own\", \"orders\": { \"count\": 3, \"interarrivalMs\": 100 } }");
        Outcome result = main("run", flow.toString());
        assertEquals(0, result.status(), result.err());
        JsonNode report = MAPPER.readTree(result.out());
        assertEquals("My own", report.get("flow").asText());
        assertEquals(3, report.get("orders").get("placed").asLong());
    }

    @Test
    void aBrokenFlowFileExitsTwoWithOneClearLineOnStderr(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("broken.json");
        Files.writeString(flow, "{\n  \"name\": \"Broken\",\n  \"services\": { \"kitchen\": { \"workers\": -3 } }\n}\n");
        Outcome result = main("run", flow.toString());
        assertEquals(2, result.status());
        assertEquals("", result.out());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        assertTrue(lines.get(0).contains("broken.json"), lines.get(0));
        assertTrue(lines.get(0).contains("services.kitchen.workers"), lines.get(0));
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void aMissingFlowFileExitsTwo(@TempDir Path dir) {
        Outcome result = main("run", dir.resolve("nothing-here.json").toString());
        assertEquals(2, result.status());
        assertTrue(result.err().contains("nothing-here.json"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void ordersAndSeedOverrideTheFlow() throws Exception {
        JsonNode seven = MAPPER.readTree(main("run", "hybrid-order.json", "--orders", "7").out());
        assertEquals(7, seven.get("orders").get("placed").asLong());
        assertEquals(42, seven.get("seed").asLong());
        JsonNode reseeded = MAPPER.readTree(main("run", "hybrid-order.json", "--orders=7", "--seed=5").out());
        assertEquals(5, reseeded.get("seed").asLong());
        assertEquals(7, reseeded.get("orders").get("placed").asLong());
        assertNotEquals(seven.get("acceptLatencyMs"), reseeded.get("acceptLatencyMs"));
    }

    @Test
    void theTextFormatPrintsTablesForPeople() {
        Outcome result = main("run", "hybrid-order", "--format", "text");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().startsWith("Hybrid order flow (seed 42)"), result.out());
        assertTrue(result.out().contains("Orders   placed 50"), result.out());
        assertTrue(result.out().contains("order->kitchen"), result.out());
    }

    @Test
    void theTraceFileHasOneJsonLinePerEventAndAgreesWithTheReport(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Outcome result = main("run", "lossy-network.json", "--trace", trace.toString());
        assertEquals(0, result.status(), result.err());
        JsonNode report = MAPPER.readTree(result.out());
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        assertEquals(report.get("events").asLong(), lines.size());
        Map<String, Integer> outcomes = new HashMap<>();
        long lost = 0;
        for (String line : lines) {
            JsonNode event = MAPPER.readTree(line);
            String type = event.get("type").asText();
            if (type.equals("OrderFinished")) {
                outcomes.merge(event.get("outcome").asText(), 1, Integer::sum);
            } else if (type.equals("MessageLost")) {
                lost++;
            }
        }
        JsonNode orders = report.get("orders");
        for (String bucket : List.of("delivered", "rejected", "failed", "lost")) {
            assertEquals(orders.get(bucket).asInt(), outcomes.getOrDefault(bucket, 0), bucket);
        }
        long lostOnLinks = 0;
        for (JsonNode link : report.get("links")) {
            lostOnLinks += link.get("lost").asLong();
        }
        assertEquals(lost, lostOnLinks);
        assertTrue(lost > 0, "the lossy sample loses messages");
    }

    @Test
    void aTraceThatCannotBeWrittenExitsOneWithTheReason(@TempDir Path dir) {
        Outcome result = main("run", "hybrid-order.json", "--trace", dir.resolve("no/such/folder/t.jsonl").toString());
        assertEquals(1, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().contains("cannot write the trace"), result.err());
    }

    @Test
    void badArgumentsExitTwoWithTheProblemAndTheUsage() {
        List<List<String>> badLines = List.of(
                List.of(),
                List.of("fly"),
                List.of("run"),
                List.of("run", "a.json", "b.json"),
                List.of("run", "hybrid-order.json", "--format", "xml"),
                List.of("run", "hybrid-order.json", "--orders", "-1"),
                List.of("run", "hybrid-order.json", "--orders", "many"),
                List.of("run", "hybrid-order.json", "--seed"),
                List.of("run", "hybrid-order.json", "--speed", "3"),
                List.of("bench", "extra.json"),
                List.of("bench", "--events", "x"));
        for (List<String> line : badLines) {
            Outcome result = main(line.toArray(String[]::new));
            assertEquals(2, result.status(), line.toString());
            assertEquals("", result.out(), line.toString());
            assertTrue(result.err().contains("Usage:"), line + ": " + result.err());
        }
        assertTrue(main("run", "hybrid-order.json", "--orders", "many").err()
                .startsWith("switchboard: --orders must be a whole number, not \"many\""));
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        Outcome result = main("help");
        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("Usage:"));
        assertEquals("", result.err());
    }

    @Test
    void aSmallBenchPrintsBothMeasurements() {
        Outcome result = main("bench", "--orders", "200", "--events", "20000", "--pending", "100");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("200 placed"), result.out());
        assertTrue(result.out().contains("M events/s"), result.out());
        assertTrue(result.out().contains("peak used"), result.out());
    }

    // ---- issue 8: command words, outputs over inputs, the ranges of time ----

    @Test
    void aMistypedCommandIsAUsageErrorWithTheCommandItWasProbablyMeantToBe() {
        Outcome result = main("runn", "hybrid-order.json");
        assertEquals(2, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("switchboard: unknown command \"runn\"; did you mean \"run\"?\nUsage:"),
                result.err());
        Outcome bogus = main("bogus");
        assertEquals(2, bogus.status());
        assertTrue(bogus.err().startsWith("switchboard: unknown command \"bogus\"\nUsage:"), bogus.err());
        Outcome file = main("hybrid-order.json");
        assertEquals(2, file.status());
        assertTrue(file.err().startsWith("switchboard: unknown command \"hybrid-order.json\"; to play a flow: switchboard"
                + " run hybrid-order.json, or in the window: --flow hybrid-order.json\n"), file.err());
    }

    @Test
    void aTraceNamingTheFlowFileItselfIsRefusedAndTheFlowIsLeftAsItWas(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("flow.json");
        String text = "{ \"name\": \"Mine\", \"orders\": { \"count\": 2 } }";
        Files.writeString(flow, text);
        for (String traceName : List.of(flow.toString(), dir.resolve(".").resolve("flow.json").toString())) {
            Outcome result = main("run", flow.toString(), "--trace", traceName);
            assertEquals(2, result.status(), result.err());
            assertEquals("", result.out());
            assertTrue(result.err().startsWith("switchboard: --trace " + traceName + " is the flow file itself; writing the"
                    + " trace there would overwrite the flow (give another file name)"), result.err());
            assertEquals(text, Files.readString(flow));
        }
    }

    @Test
    void aTraceThroughALinkToTheFlowFileIsRefusedToo(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("flow.json");
        Files.writeString(flow, "{ \"name\": \"Mine\" }");
        Path link = Files.createSymbolicLink(dir.resolve("trace.jsonl"), flow);
        Outcome result = main("run", flow.toString(), "--trace", link.toString());
        assertEquals(2, result.status(), result.err());
        assertEquals("{ \"name\": \"Mine\" }", Files.readString(flow));
    }

    @Test
    void aFlowWithHugeDurationsIsRefusedAtTheFieldInsteadOfCrashingTheRun(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("huge.json");
        Files.writeString(flow, "{ \"name\": \"huge\", \"orders\": { \"count\": 1 },\n"
                + "  \"services\": { \"inventory\": { \"workMs\": 1e308, \"slowdown\": 2 } } }");
        Outcome result = main("run", flow.toString());
        assertEquals(2, result.status(), result.err());
        assertEquals(flow + ":2:42: services.inventory.workMs: fixed value must be at most 1000000000 ms (about 11.6 days)"
                + " but was 1e308\n", result.err());
    }

    @Test
    void aRunAtTheLongestDurationsFinishesWithEveryTimeANumber(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("longest.json");
        Files.writeString(flow, """
                {"name": "longest", "orders": {"count": 3, "interarrivalMs": 1e9},
                 "services": {"inventory": {"workMs": 1e9}, "kitchen": {"workMs": {"exponential": 1e9}},
                              "delivery": {"tripMs": {"uniform": [0, 1e9]}}},
                 "links": {"order->inventory": {"latencyMs": 1e9, "timeoutMs": 1e9,
                                                "retry": {"maxAttempts": 3, "baseDelayMs": 1e9, "multiplier": 1}},
                           "order->kitchen": {"latencyMs": {"normal": [1e9, 1e9]}, "acks": true, "ackTimeoutMs": 1e9}},
                 "faults": [{"service": "kitchen", "kind": "slow", "atMs": 1e9, "forMs": 1e9, "factor": 2}]}
                """);
        Path trace = dir.resolve("trace.jsonl");
        Outcome result = main("run", flow.toString(), "--trace", trace.toString());
        assertEquals(0, result.status(), result.err());
        assertFalse(result.out().contains("null"), result.out());
        for (String line : Files.readAllLines(trace)) {
            JsonNode event = MAPPER.readTree(line);
            assertTrue(event.get("timeMs").isNumber(), line);
            assertTrue(event.get("timeMs").asDouble() < 1e12, line);
        }
        assertEquals(3, MAPPER.readTree(result.out()).get("orders").get("placed").asLong());
    }

    @Test
    void aRunThatWouldPassTheLatestVirtualTimeStopsWithOneLineInsteadOfRoundingTimes(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("long-run.json");
        // 2000 orders 1e9 ms apart: the last ones would arrive near 2e12 ms, where a double keeps only 1/4096 ms
        Files.writeString(flow, "{ \"name\": \"long run\", \"orders\": { \"count\": 2000, \"interarrivalMs\": 1e9 } }");
        Outcome result = main("run", flow.toString());
        assertEquals(1, result.status(), result.err());
        assertTrue(result.err().matches("switchboard: the run reached an event at t = 1000\\d{9} ms, past the latest"
                + " virtual time the engine keeps exact \\(1000000000000 ms \\(about 31.7 years\\)\\); run fewer orders"
                + " \\(--orders\\) or use shorter times\n"), result.err());
    }

    @Test
    void anOrderPlacedNearTheLatestVirtualTimeMeetsTheSameFateAsOnePlacedAtOneSecond(@TempDir Path dir) throws Exception {
        // a 3 ms timeout against 1 + 1.5 + 1 ms of travel and work: the order fails, wherever the clock is
        String services = "\"services\": { \"inventory\": { \"workMs\": 1.5 } },"
                + " \"links\": { \"order->inventory\": { \"latencyMs\": 1, \"timeoutMs\": 3 } } }";
        Path early = dir.resolve("early.json");
        Files.writeString(early, "{ \"name\": \"early\", \"orders\": { \"count\": 1, \"interarrivalMs\": 1000 }, " + services);
        Path late = dir.resolve("late.json");
        // 999 orders 1e9 ms apart: the last is placed at 9.99e11 ms, just inside the limit
        Files.writeString(late, "{ \"name\": \"late\", \"orders\": { \"count\": 999, \"interarrivalMs\": 1e9 }, " + services);
        JsonNode earlyOrders = MAPPER.readTree(main("run", early.toString()).out()).get("orders");
        Outcome lateRun = main("run", late.toString());
        assertEquals(0, lateRun.status(), lateRun.err());
        JsonNode lateOrders = MAPPER.readTree(lateRun.out()).get("orders");
        assertEquals(1, earlyOrders.get("failed").asLong());
        assertEquals(999, lateOrders.get("failed").asLong());
        assertEquals(0, lateOrders.get("delivered").asLong());
    }

    @Test
    void theExportsAreWrittenBesideTheReportWhichStaysTheSame(@TempDir Path dir) throws Exception {
        Outcome plain = main("run", "hybrid-order.json", "--orders", "30");
        Path otlp = dir.resolve("run.json");
        Path mermaid = dir.resolve("run.mmd");
        Path plantUml = dir.resolve("run.puml");
        Path csv = dir.resolve("run.csv");
        Outcome exported = main("run", "hybrid-order.json", "--orders", "30", "--otlp", otlp.toString(), "--mermaid",
                mermaid.toString(), "--plantuml", plantUml.toString(), "--csv", csv.toString(), "--orders-in-diagram", "4");
        assertEquals(0, exported.status(), exported.err());
        assertEquals(plain.out(), exported.out());
        assertTrue(Files.readString(otlp).startsWith("{\"resourceSpans\":["));
        assertTrue(Files.readString(mermaid).contains("\nsequenceDiagram\n"));
        assertTrue(Files.readString(mermaid).contains("order 4 "));
        assertFalse(Files.readString(mermaid).contains("order 5 "));
        assertTrue(Files.readString(plantUml).startsWith("@startuml\n"));
        assertTrue(Files.readString(csv).startsWith("path,value\nflow,Hybrid order flow\n"));
    }

    @Test
    void theRunnersExportsAreTheSameBytesAsTheWindowsForTheSameRun(@TempDir Path dir) throws Exception {
        Path otlp = dir.resolve("run.json");
        Path mermaid = dir.resolve("run.mmd");
        Path plantUml = dir.resolve("run.puml");
        Path csv = dir.resolve("run.csv");
        Outcome exported = main("run", "kitchen-backlog.json", "--otlp", otlp.toString(), "--mermaid",
                mermaid.toString(), "--plantuml", plantUml.toString(), "--csv", csv.toString());
        assertEquals(0, exported.status(), exported.err());
        dev.switchboard.flow.Flow flow = FlowFiles.load("kitchen-backlog.json");
        List<dev.switchboard.trace.TraceEvent> events = new java.util.ArrayList<>();
        dev.switchboard.trace.Metrics metrics = new dev.switchboard.trace.Metrics();
        dev.switchboard.system.Simulation simulation = new dev.switchboard.system.Simulation(flow);
        simulation.addListener(events::add);
        simulation.addListener(metrics);
        simulation.start();
        while (simulation.hasPendingEvents() && simulation.step()) {
            // to the end, as the runner plays it
        }
        assertEquals(dev.switchboard.export.Exports.otlp(events), Files.readString(otlp));
        assertEquals(dev.switchboard.export.Exports.mermaid(events, 20), Files.readString(mermaid));
        assertEquals(dev.switchboard.export.Exports.plantUml(events, 20), Files.readString(plantUml));
        assertEquals(dev.switchboard.export.Exports.reportCsv(metrics.report()), Files.readString(csv));
    }

    @Test
    void anExportNamingTheFlowFileOrAnotherOutputIsRefused(@TempDir Path dir) throws Exception {
        Path flow = dir.resolve("flow.json");
        String text = "{ \"name\": \"Mine\", \"orders\": { \"count\": 2 } }";
        Files.writeString(flow, text);
        Outcome overFlow = main("run", flow.toString(), "--otlp", flow.toString());
        assertEquals(2, overFlow.status());
        assertTrue(overFlow.err().startsWith("switchboard: --otlp " + flow + " is the flow file itself"), overFlow.err());
        assertEquals(text, Files.readString(flow));
        Path out = dir.resolve("out.txt");
        Outcome twice = main("run", flow.toString(), "--mermaid", out.toString(), "--plantuml",
                dir.resolve(".").resolve("out.txt").toString());
        assertEquals(2, twice.status());
        assertTrue(twice.err().startsWith("switchboard: --mermaid and --plantuml name the same file"), twice.err());
        assertFalse(Files.exists(out), "nothing was written");
        Outcome traceToo = main("run", flow.toString(), "--trace", out.toString(), "--csv", out.toString());
        assertEquals(2, traceToo.status());
        assertTrue(traceToo.err().startsWith("switchboard: --trace and --csv name the same file"), traceToo.err());
    }

    @Test
    void anExportThatCannotBeWrittenExitsOneWithTheFileAndTheReason(@TempDir Path dir) {
        Path mermaid = dir.resolve("missing").resolve("seq.mmd");
        Outcome result = main("run", "hybrid-order.json", "--orders", "3", "--mermaid", mermaid.toString());
        assertEquals(1, result.status());
        assertEquals("switchboard: cannot write the --mermaid export to " + mermaid + ": no such folder\n", result.err());
        Path csv = dir.resolve("missing").resolve("r.csv");
        Outcome csvResult = main("run", "hybrid-order.json", "--orders", "3", "--csv", csv.toString());
        assertEquals(1, csvResult.status());
        assertTrue(csvResult.err().endsWith("cannot write the --csv export to " + csv + ": no such folder\n"), csvResult.err());
    }
}
