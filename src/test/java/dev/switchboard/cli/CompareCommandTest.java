package dev.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static dev.switchboard.cli.MainTest.main;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theJsonHasBothReportsLeftFirstTheDifferencesAndTheVerdict() throws Exception {
        MainTest.Outcome outcome = main("compare", "hybrid-order.json");
        assertEquals(0, outcome.status(), outcome.err());
        assertEquals("", outcome.err());
        JsonNode json = MAPPER.readTree(outcome.out());
        assertEquals("sync-vs-queue", json.get("preset").asText());
        assertEquals(42, json.get("seed").asLong());
        assertEquals("order->kitchen sync", json.get("left").get("label").asText());
        assertEquals("links[\"order->kitchen\"].style=sync", json.get("left").get("overrides").get(0).asText());
        assertEquals("order->kitchen queue", json.get("right").get("label").asText());
        assertTrue(outcome.out().indexOf("\"left\"") < outcome.out().indexOf("\"right\""));
        assertEquals(json.get("left").get("report").get("orders").get("placed"),
                json.get("right").get("report").get("orders").get("placed"));
        JsonNode accept = json.get("differences").get("acceptLatencyP50Ms");
        assertEquals(accept.get("right").asDouble() - accept.get("left").asDouble(), accept.get("difference").asDouble(), 0.002);
        for (String key : new String[] {"acceptLatencyP50Ms", "acceptLatencyP95Ms", "deliveryLatencyP50Ms",
                "deliveryLatencyP95Ms", "orderWorkersBlockedNow", "orderWorkersBlockedMost", "orderBlockedMs",
                "ordersFailed", "ordersLost", "ordersRejected", "throughputPerS"}) {
            assertTrue(json.get("differences").has(key), key);
        }
        assertTrue(json.get("verdict").asText().startsWith("With order->kitchen queue (right) instead of order->kitchen sync (left): "),
                json.get("verdict").asText());
    }

    @Test
    void theRightSideOfTheDefaultPresetIsTheReportRunPrintsForTheSampleItself() throws Exception {
        // the hybrid sample's Kitchen is already behind a queue, so the right side is the sample as shipped
        MainTest.Outcome compared = main("compare", "hybrid-order.json", "--orders", "80");
        MainTest.Outcome run = main("run", "hybrid-order.json", "--orders", "80");
        assertEquals(MAPPER.readTree(run.out()), MAPPER.readTree(compared.out()).get("right").get("report"));
    }

    @Test
    void theTextFormatPrintsBothReportsTheTableAndTheVerdictLast() {
        MainTest.Outcome outcome = main("compare", "hybrid-order.json", "--preset", "event-vs-sync", "--format", "text",
                "--orders", "30");
        assertEquals(0, outcome.status(), outcome.err());
        String out = outcome.out();
        int left = out.indexOf("== Left: kitchen->delivery event ==");
        int right = out.indexOf("== Right: kitchen->delivery sync ==");
        int table = out.indexOf("Side by side");
        int verdict = out.indexOf("Verdict: ");
        assertTrue(left >= 0 && left < right && right < table && table < verdict, out);
        assertTrue(out.contains("acceptance latency p50 (ms)"), out);
        assertTrue(out.strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("Verdict: "));
    }

    @Test
    void identicalSidesSayTheyCameOutTheSame() throws Exception {
        MainTest.Outcome outcome = main("compare", "one-order.json", "--left", "links.order->kitchen.style=queue");
        assertEquals(0, outcome.status(), outcome.err());
        JsonNode json = MAPPER.readTree(outcome.out());
        assertEquals(json.get("left").get("report"), json.get("right").get("report"));
        assertTrue(json.get("verdict").asText().startsWith("Both sides came out the same"), json.get("verdict").asText());
    }

    @Test
    void bothKeyFormsAreReadAndTheLaterOverrideOfASideWins() throws Exception {
        MainTest.Outcome bracket = main("compare", "hybrid-order.json", "--orders", "20", "--left",
                "links[\"order->kitchen\"].style=queue", "--right=services.kitchen.workers=3");
        MainTest.Outcome dotted = main("compare", "hybrid-order.json", "--orders", "20", "--left",
                "links.order->kitchen.style=queue", "--right", "services.kitchen.workers=3");
        assertEquals(0, bracket.status(), bracket.err());
        assertEquals(bracket.out(), dotted.out());
        JsonNode json = MAPPER.readTree(bracket.out());
        assertEquals("order->kitchen sync, links[\"order->kitchen\"].style=queue", json.get("left").get("label").asText());
    }

    @Test
    void badKeysAndValuesGetTheSweepsErrorsAndExitTwo() {
        MainTest.Outcome unknownField = main("compare", "hybrid-order.json", "--left", "services.kitchen.wrokers=3");
        assertEquals(2, unknownField.status());
        assertTrue(unknownField.err().startsWith("hybrid-order.json: services.kitchen.wrokers: unknown field \"wrokers\";"
                + " did you mean \"workers\"?"), unknownField.err());
        assertEquals(main("sweep", "hybrid-order.json", "--vary", "services.kitchen.wrokers=3").err(), unknownField.err(),
                "the same message as sweep");
        MainTest.Outcome badValue = main("compare", "hybrid-order.json", "--right", "links.order->kitchen.style=bogus");
        assertEquals(2, badValue.status());
        assertTrue(badValue.err().contains("links[\"order->kitchen\"].style: unknown link style \"bogus\""), badValue.err());
        MainTest.Outcome noValue = main("compare", "hybrid-order.json", "--left", "services.kitchen.workers");
        assertEquals(2, noValue.status());
        assertTrue(noValue.err().startsWith("switchboard: --left: \"services.kitchen.workers\" needs the form PATH=VALUE"),
                noValue.err());
        MainTest.Outcome badPath = main("compare", "hybrid-order.json", "--right", "links[order->kitchen].style=sync");
        assertEquals(2, badPath.status());
        assertTrue(badPath.err().startsWith("switchboard: --right: the field path"), badPath.err());
        MainTest.Outcome dangling = main("compare", "hybrid-order.json", "--left");
        assertEquals(2, dangling.status());
        assertTrue(dangling.err().startsWith("switchboard: --left needs KEY=VALUE"), dangling.err());
    }

    @Test
    void anUnknownPresetGetsADidYouMeanAndTheList() {
        MainTest.Outcome outcome = main("compare", "hybrid-order.json", "--preset", "sync-vs-queu");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("switchboard: --preset: unknown preset \"sync-vs-queu\"; did you mean"
                + " \"sync-vs-queue\"? (presets: sync-vs-queue, event-vs-sync, retries-off-vs-on, breaker-off-vs-on,"
                + " one-vs-three-instances)"), outcome.err());
        assertTrue(outcome.out().isEmpty());
    }

    @Test
    void changingTheCustomersOnOneSideIsRefused() {
        MainTest.Outcome seed = main("compare", "hybrid-order.json", "--left", "seed=7");
        assertEquals(2, seed.status());
        assertTrue(seed.err().startsWith("switchboard: the sides would not get the same customers: both sides need the"
                + " same seed"), seed.err());
        MainTest.Outcome orders = main("compare", "hybrid-order.json", "--right", "orders.interarrivalMs={\"fixed\": 100}");
        assertEquals(2, orders.status());
        assertTrue(orders.err().contains("--seed and --orders change both sides"), orders.err());
    }

    @Test
    void otherMistakesAreUsageErrors() {
        assertEquals(2, main("compare").status());
        assertTrue(main("compare").err().startsWith("switchboard: compare needs a flow file"));
        MainTest.Outcome format = main("compare", "hybrid-order.json", "--format", "csv");
        assertEquals(2, format.status());
        assertTrue(format.err().startsWith("switchboard: --format is json or text, not \"csv\""), format.err());
        MainTest.Outcome broken = main("compare", "no-such-flow.json");
        assertEquals(2, broken.status());
        assertFalse(broken.err().isBlank());
        MainTest.Outcome typo = main("compaer", "hybrid-order.json");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("did you mean \"compare\"?"), typo.err());
        assertTrue(main("help").out().contains("switchboard compare FLOW.json [--preset NAME]"));
    }

    @Test
    void theSameComparisonPrintsTheSameBytes() {
        assertEquals(main("compare", "retry-storm.json", "--preset", "retries-off-vs-on").out(),
                main("compare", "retry-storm.json", "--preset", "retries-off-vs-on").out());
    }
}
