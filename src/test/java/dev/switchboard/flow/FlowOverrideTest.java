package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowOverrideTest {
    private static final String FLOW = """
            {
              "name": "t",
              "services": { "kitchen": { "workers": 2, "workMs": { "fixed": 300 } } },
              "links": { "order->kitchen": { "style": "queue" } },
              "faults": [ { "service": "kitchen", "kind": "down", "atMs": 100, "forMs": 50 } ]
            }
            """;

    private static Flow load(String... overrides) throws FlowException {
        return FlowLoader.parse(FLOW, "t.json", java.util.Arrays.stream(overrides).map(FlowOverride::parse).toList());
    }

    @Test
    void theBracketFormOfTheErrorsAndThePlainDottedFormNameTheSameField() {
        List<FlowOverride.Step> quoted = FlowOverride.parsePath("links[\"order->kitchen\"].style");
        List<FlowOverride.Step> dotted = FlowOverride.parsePath("links.order->kitchen.style");
        assertEquals(quoted, dotted);
        assertEquals(List.of(new FlowOverride.Field("links"), new FlowOverride.Field("order->kitchen"),
                new FlowOverride.Field("style")), dotted);
        assertEquals("links[\"order->kitchen\"].style", FlowOverride.pathText(dotted));
        assertEquals(List.of(new FlowOverride.Field("faults"), new FlowOverride.Index(0), new FlowOverride.Field("atMs")),
                FlowOverride.parsePath("faults[0].atMs"));
    }

    @Test
    void malformedPathsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOverride.parsePath("services..workers"))
                .getMessage().contains("missing before the dot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOverride.parsePath("links[\"order->kitchen\""))
                .getMessage().contains("never closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOverride.parsePath("faults[x]"))
                .getMessage().contains("neither a list position"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOverride.parsePath("services."))
                .getMessage().contains("after the last dot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowOverride.parse("services.kitchen.workers"))
                .getMessage().contains("PATH=VALUE"));
    }

    @Test
    void anOverrideReplacesAFieldAddsAMissingOneAndParsesJsonValues() throws FlowException {
        Flow flow = load("services.kitchen.workers=5", "links.order->kitchen.style=sync",
                "services.inventory.stockOutRate=0.25", "services.kitchen.workMs={\"exponential\": 200}", "faults[0].atMs=700");
        assertEquals(5, flow.service(ServiceId.KITCHEN).workers());
        assertEquals(LinkStyle.SYNC, flow.link(LinkId.ORDER_KITCHEN).style());
        assertEquals(0.25, flow.service(ServiceId.INVENTORY).stockOutRate());
        assertEquals(new Distribution.Exponential(200), flow.service(ServiceId.KITCHEN).workMs());
        assertEquals(700, flow.faults().get(0).atMs());
    }

    @Test
    void anOverriddenValueIsCheckedWithTheFlowsOwnMessages() {
        FlowException typo = assertThrows(FlowException.class, () -> load("services.kitchen.wrokers=3"));
        assertEquals("services.kitchen.wrokers", typo.fieldPath());
        assertTrue(typo.problem().contains("did you mean \"workers\""), typo.problem());
        FlowException style = assertThrows(FlowException.class, () -> load("links[\"order->kitchen\"].style=bogus"));
        assertEquals("t.json: links[\"order->kitchen\"].style: unknown link style \"bogus\" (allowed: sync, queue, event)",
                style.getMessage());
        FlowException negative = assertThrows(FlowException.class, () -> load("services.kitchen.workers=-3"));
        assertEquals("services.kitchen.workers", negative.fieldPath());
    }

    @Test
    void aPathThatCannotBeFollowedSaysWhereItStops() {
        FlowException past = assertThrows(FlowException.class, () -> load("faults[3].atMs=1"));
        assertTrue(past.problem().contains("the list has 1 entry, so there is no [3]"), past.problem());
        FlowException into = assertThrows(FlowException.class, () -> load("services.kitchen.workers.max=1"));
        assertTrue(into.problem().contains("it is the number 2, which has no field \"max\""), into.problem());
        assertEquals(3, into.line(), "points at the value in the file");
    }

    @Test
    void aNullValueRemovesTheFieldSoItTakesItsDefault() throws FlowException {
        Flow withBreaker = load("links.order->kitchen.style=sync", "links.order->kitchen.circuitBreaker={\"openMs\": 1500}");
        assertTrue(withBreaker.link(LinkId.ORDER_KITCHEN).breaker() != null);
        Flow without = load("links.order->kitchen.style=sync", "links.order->kitchen.circuitBreaker={\"openMs\": 1500}",
                "links[\"order->kitchen\"].circuitBreaker=null");
        assertEquals(null, without.link(LinkId.ORDER_KITCHEN).breaker());
        assertEquals(load("links.order->kitchen.style=sync"), without);
        assertEquals(load(), load("links.order->inventory.retry=null"), "removing a field the file leaves out changes nothing");
    }
}
