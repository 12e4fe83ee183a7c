package dev.switchboard.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LATENCY_FIELDS = List.of("count", "mean", "p50", "p95", "p99", "max");

    static Report sampleReport() {
        Map<ServiceId, Report.Service> services = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new Report.Service(0.12345678, 1.5, 0.25, 3, 10 + id.ordinal(), 1, 40, 123.4567, 11, 0, 2, 1, 0, 0,
                    new Report.Latency(4, 250, 200, 900, 900, 1000), 2));
        }
        Map<LinkId, Report.Link> links = new EnumMap<>(LinkId.class);
        for (LinkId id : LinkId.values()) {
            links.put(id, new Report.Link(20, 1, 2, 0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 0, new Report.Latency(19, 5.0004, 5, 5.5, 6, 7.25)));
        }
        return new Report("Hybrid \"quoted\" flow", 42, 51234.56789, 987654, new Report.Orders(50, 45, 3, 1, 0, 0, 1, 46, 0, 0),
                new Report.Latency(50, 31.25, 30, 60.1, 70.123456, 80),
                new Report.Latency(0, 0, 0, 0, 0, 0), services, links);
    }

    @Test
    void theReportHasExactlyTheContractFieldsInOrder() throws Exception {
        JsonNode root = MAPPER.readTree(ReportJson.write(sampleReport()));
        assertEquals(List.of("flow", "seed", "simulatedMs", "events", "orders", "acceptLatencyMs", "deliveryLatencyMs",
                "services", "links"), names(root));
        assertEquals(List.of("placed", "delivered", "rejected", "failed", "lost", "deadLettered", "inFlight", "accepted",
                        "fallbacks", "tripsAfterFate"),
                names(root.get("orders")));
        assertEquals(LATENCY_FIELDS, names(root.get("acceptLatencyMs")));
        assertEquals(LATENCY_FIELDS, names(root.get("deliveryLatencyMs")));
        assertEquals(List.of("order", "inventory", "kitchen", "delivery"), names(root.get("services")));
        List<String> serviceFields = List.of("utilization", "meanQueueWaitMs", "meanQueueLength", "maxQueueLength",
                "handled", "errors", "blockedMs", "busyMs", "taken", "dropped", "workLost", "duplicates",
                "duplicatesSkipped", "staleCalls");
        for (String id : List.of("order", "inventory", "kitchen")) {
            assertEquals(serviceFields, names(root.get("services").get(id)));
        }
        List<String> deliveryFields = new java.util.ArrayList<>(serviceFields);
        deliveryFields.addAll(List.of("agentWaitMs", "maxAgentQueue"));
        assertEquals(deliveryFields, names(root.get("services").get("delivery")));
        assertEquals(LATENCY_FIELDS, names(root.get("services").get("delivery").get("agentWaitMs")));
        assertEquals(2, root.get("services").get("delivery").get("maxAgentQueue").asInt());
        assertEquals(List.of("order->inventory", "order->kitchen", "kitchen->delivery"), names(root.get("links")));
        for (JsonNode link : root.get("links")) {
            assertEquals(List.of("messages", "lost", "timeouts", "lateReplies", "refused", "retries", "callsRejected",
                    "callsNotRouted", "breakerOpened", "redelivered", "deadLettered", "acks", "lateAcks", "eventsMissed",
                    "latencyMs"), names(link));
            assertEquals(LATENCY_FIELDS, names(link.get("latencyMs")));
        }
    }

    @Test
    void valuesAreWrittenWithFixedRounding() throws Exception {
        JsonNode root = MAPPER.readTree(ReportJson.write(sampleReport()));
        assertEquals("Hybrid \"quoted\" flow", root.get("flow").asText());
        assertEquals(42, root.get("seed").asLong());
        assertEquals("51234.568", root.get("simulatedMs").asText());
        assertEquals(987654, root.get("events").asLong());
        assertEquals("0.1235", root.get("services").get("kitchen").get("utilization").asText());
        assertEquals(12, root.get("services").get("kitchen").get("handled").asLong());
        assertEquals("70.123", root.get("acceptLatencyMs").get("p99").asText());
        assertEquals("5", root.get("links").get("order->kitchen").get("latencyMs").get("mean").asText());
    }

    @Test
    void theSameReportIsWrittenAsTheSameBytes() {
        assertEquals(ReportJson.write(sampleReport()), ReportJson.write(sampleReport()));
    }

    @Test
    void theTextTableNamesEveryServiceAndLink() {
        String text = ReportText.write(sampleReport());
        for (ServiceId id : ServiceId.values()) {
            assertTrue(text.contains("\n" + id.key() + " "), text);
        }
        for (LinkId id : LinkId.values()) {
            assertTrue(text.contains("\n" + id.key() + " "), text);
        }
        assertTrue(text.contains("placed 50"), text);
    }

    @Test
    void theTextSaysOneOrderInTheSingular() {
        assertTrue(ReportText.write(sampleReport()).contains("at most 2 orders waited for a delivery agent at once"));
        Report one = sampleReport();
        Map<ServiceId, Report.Service> services = new EnumMap<>(one.services());
        Report.Service d = services.get(ServiceId.DELIVERY);
        services.put(ServiceId.DELIVERY, new Report.Service(d.utilization(), d.meanQueueWaitMs(), d.meanQueueLength(),
                d.maxQueueLength(), d.handled(), d.errors(), d.blockedMs(), d.busyMs(), d.taken(), d.dropped(),
                d.workLost(), d.duplicates(), d.duplicatesSkipped(), d.staleCalls(), d.agentWaitMs(), 1));
        String text = ReportText.write(new Report(one.flow(), one.seed(), one.simulatedMs(), one.events(), one.orders(),
                one.acceptLatencyMs(), one.deliveryLatencyMs(), services, one.links()));
        assertTrue(text.contains("at most 1 order waited for a delivery agent at once"), text);
    }

    @Test
    void numbersAreRoundedWithoutExponentsOrTrailingZeros() {
        assertEquals("1234.5", JsonText.number(1234.5, 3));
        assertEquals("0.3", JsonText.number(0.1 + 0.2, 3));
        assertEquals("0.005", JsonText.number(0.005, 3));
        assertEquals("-2.25", JsonText.number(-2.25, 3));
        assertEquals("0", JsonText.number(-0.0001, 3));
        assertEquals("100000000000000000000", JsonText.number(1e20, 3));
        assertEquals("0.000001", JsonText.number(1e-6, 6));
        assertEquals("null", JsonText.number(Double.POSITIVE_INFINITY, 3));
        assertEquals("null", JsonText.number(Double.NaN, 3));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
