package dev.switchboard.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<TraceEvent> someEvents() {
        return List.of(
                new TraceEvent.RunStarted(0, "Hybrid", 42),
                new TraceEvent.ServiceChanged(0, ServiceId.KITCHEN,
                        ServiceSpec.defaults().withWorkers(2).withWorkMs(new Distribution.Uniform(300, 900.5)), true, "start"),
                new TraceEvent.InboundArrived(12.3456789, ServiceId.KITCHEN, 7, InboundKind.QUEUE_MESSAGE,
                        LinkId.ORDER_KITCHEN, 3),
                new TraceEvent.MessageSent(1.0 / 3, LinkId.KITCHEN_DELIVERY, LinkStyle.EVENT, 7, 1.0 / 3, 5 + 1.0 / 3),
                new TraceEvent.CommandApplied(20, new Command.SetErrorRate(ServiceId.INVENTORY, 0.25)),
                new TraceEvent.WorkerBlocked(21, ServiceId.ORDER, 0, 7, 3, LinkId.ORDER_INVENTORY,
                        Double.POSITIVE_INFINITY),
                new TraceEvent.OrderFinished(30, 7, Outcome.DELIVERED, 0, "line\nbreak"));
    }

    private static List<String> write(List<TraceEvent> events) throws Exception {
        StringWriter text = new StringWriter();
        try (TraceJsonWriter writer = new TraceJsonWriter(text)) {
            events.forEach(writer::onEvent);
        }
        return List.of(text.toString().split("\n", -1));
    }

    @Test
    void everyEventBecomesOneJsonLineWithItsTypeAndEveryComponent() throws Exception {
        List<String> lines = write(someEvents());
        assertEquals(someEvents().size() + 1, lines.size());
        assertEquals("", lines.get(lines.size() - 1));
        for (int i = 0; i < someEvents().size(); i++) {
            TraceEvent event = someEvents().get(i);
            JsonNode node = MAPPER.readTree(lines.get(i));
            assertEquals(event.getClass().getSimpleName(), node.get("type").asText());
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            List<String> expected = new ArrayList<>(List.of("type"));
            for (var component : event.getClass().getRecordComponents()) {
                expected.add(component.getName());
            }
            assertEquals(expected, names);
        }
    }

    @Test
    void valuesUseKeysFlowFileDistributionsAndSixDecimals() throws Exception {
        List<String> lines = write(someEvents());
        assertEquals("{\"type\":\"RunStarted\",\"timeMs\":0,\"flowName\":\"Hybrid\",\"seed\":42}", lines.get(0));
        JsonNode service = MAPPER.readTree(lines.get(1));
        assertEquals("kitchen", service.get("service").asText());
        assertEquals(2, service.get("settings").get("workers").asInt());
        assertEquals("{\"uniform\":[300,900.5]}", service.get("settings").get("workMs").toString());
        assertEquals("{\"type\":\"InboundArrived\",\"timeMs\":12.345679,\"service\":\"kitchen\",\"orderId\":7,"
                + "\"kind\":\"QUEUE_MESSAGE\",\"link\":\"order->kitchen\",\"depth\":3,\"messageId\":0,\"atHead\":false}",
                lines.get(2));
        assertTrue(lines.get(3).contains("\"style\":\"event\",\"orderId\":7,\"departMs\":0.333333,\"arriveMs\":5.333333"),
                lines.get(3));
        JsonNode command = MAPPER.readTree(lines.get(4)).get("command");
        assertEquals("SetErrorRate", command.get("type").asText());
        assertEquals("inventory", command.get("service").asText());
        assertEquals(0.25, command.get("errorRate").asDouble());
        assertTrue(MAPPER.readTree(lines.get(5)).get("timeoutAtMs").isNull());
        assertEquals("delivered", MAPPER.readTree(lines.get(6)).get("outcome").asText());
        assertEquals("line\nbreak", MAPPER.readTree(lines.get(6)).get("reason").asText());
    }

    @Test
    void aSingleEventIsWrittenAsItsLine() throws Exception {
        List<String> lines = write(someEvents());
        for (int i = 0; i < someEvents().size(); i++) {
            assertEquals(lines.get(i), TraceJsonWriter.toJson(someEvents().get(i)));
        }
    }

    @Test
    void theSameEventsAreWrittenAsTheSameBytes() throws Exception {
        assertEquals(write(someEvents()), write(someEvents()));
    }
}
