package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow writer gives the canonical text of a flow, which the loader reads back to an equal flow. */
class FlowWriterTest {

    @Test
    void everySampleIsWrittenAndReadBackEqual() throws FlowException {
        for (String file : SampleFlows.FILE_NAMES) {
            Flow sample = FlowLoader.loadSample(file);
            String text = FlowWriter.write(sample);
            assertEquals(sample, FlowLoader.parse(text, "written-" + file), file + ":\n" + text);
        }
    }

    @Test
    void writingIsCanonicalTheSameFlowGivesTheSameTextWrittenAgain() throws FlowException {
        for (String file : SampleFlows.FILE_NAMES) {
            String once = FlowWriter.write(FlowLoader.loadSample(file));
            String twice = FlowWriter.write(FlowLoader.parse(once, file));
            assertEquals(once, twice, file);
            assertFalse(once.contains("\r"), file + ": line ends are \\n on every platform");
            assertTrue(once.endsWith("}\n"), file);
        }
    }

    @Test
    void theWrittenTextLeavesDefaultsOutAndReadsLikeAFlowFile() throws FlowException {
        String text = FlowWriter.write(FlowLoader.parse("{\"name\": \"Tiny\", \"services\": {\"kitchen\": {\"workers\": 3,"
                + " \"workMs\": {\"uniform\": [300, 900.5]}}}}", "tiny.json"));
        assertEquals("""
                {
                  "name": "Tiny",
                  "seed": 1,
                  "orders": {
                    "count": 10,
                    "interarrivalMs": {
                      "exponential": 500
                    }
                  },
                  "services": {
                    "kitchen": {
                      "workers": 3,
                      "workMs": {
                        "uniform": [ 300, 900.5 ]
                      }
                    }
                  }
                }
                """, text);
    }

    @Test
    void numbersAreWrittenExactly() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"N\"}", "n.json")
                .withService(ServiceId.INVENTORY, ServiceSpec.defaults().withErrorRate(0.1 + 0.2).withStockOutRate(1e-7))
                .withLink(LinkId.ORDER_INVENTORY, LinkSpec.defaults(LinkId.ORDER_INVENTORY).withTimeoutMs(1.0 / 3))
                .withSeed(Long.MIN_VALUE);
        assertEquals(flow, FlowLoader.parse(FlowWriter.write(flow), "n.json"));
    }

    @Test
    void aScriptAndBeatsWithEveryKindOfPolicyAreWrittenAndReadBackEqual() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Scripted",
                 "beats": [ {"name": "breaker off", "commands": [
                     {"command": "setBreaker", "link": "order->inventory", "breaker": "off"},
                     {"command": "setRetry", "link": "order->kitchen", "retry": {"maxAttempts": 3}} ]} ],
                 "script": [
                     {"atMs": 2500.5, "command": "setDiscovery", "discovery": {"cacheTtlMs": 0}},
                     {"atMs": 3000, "command": "setDeliveryPolicy", "link": "kitchen->delivery", "delivery": {"durable": false}},
                     {"atMs": 3000, "command": "setInstanceDown", "service": "inventory", "instance": 1, "down": true} ]}
                """, "scripted.json");
        assertEquals(3, flow.script().size());
        assertEquals(Map.of("service", ServiceId.INVENTORY, "instance", 0, "down", true), flow.script().get(2).command().arguments());
        assertEquals(flow, FlowLoader.parse(FlowWriter.write(flow), "scripted.json"));
        assertEquals(List.of(2500.5, 3000.0, 3000.0), flow.script().stream().map(ScriptCommand::atMs).toList());
    }
}
