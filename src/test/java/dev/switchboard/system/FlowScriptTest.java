package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Beats;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flow's script: commands the engine applies at their virtual times, in the trace like a window's commands. */
class FlowScriptTest {

    private static final String SCRIPT = """
            [ {"atMs": 4000, "command": "setLinkStyle", "link": "order->kitchen", "style": "sync"},
              {"atMs": 2000.5, "command": "setSlowdown", "service": "kitchen", "factor": 5},
              {"atMs": 6000, "command": "setBreaker", "link": "order->inventory", "breaker": {"openMs": 1500}} ]""";

    private static Flow scripted() throws FlowException {
        String hybrid = """
                {"name": "Scripted hybrid", "seed": 42,
                 "orders": {"count": 60, "interarrivalMs": {"exponential": 200}},
                 "services": {"kitchen": {"workers": 2, "workMs": {"uniform": [300, 900]}}},
                 "links": {"order->inventory": {"latencyMs": 20}},
                 "script": %s}""";
        return FlowLoader.parse(hybrid.formatted(SCRIPT), "scripted.json");
    }

    private static List<TraceEvent> trace(Flow flow) {
        List<TraceEvent> trace = new ArrayList<>();
        Simulation simulation = new Simulation(flow);
        simulation.addListener(trace::add);
        simulation.start();
        simulation.runToEnd();
        return trace;
    }

    @Test
    void eachScriptedCommandComesOutOfTheTraceAsCommandAppliedAtItsTime() throws FlowException {
        List<TraceEvent.CommandApplied> applied = trace(scripted()).stream()
                .filter(e -> e instanceof TraceEvent.CommandApplied).map(e -> (TraceEvent.CommandApplied) e).toList();
        assertEquals(List.of(2000.5, 4000.0, 6000.0), applied.stream().map(TraceEvent.CommandApplied::timeMs).toList());
        assertEquals(new Command.SetSlowdown(ServiceId.KITCHEN, 5), applied.get(0).command());
        assertEquals(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC), applied.get(1).command());
    }

    @Test
    void aScriptedRunIsDeterministic() throws FlowException {
        List<TraceEvent> first = trace(scripted());
        assertEquals(first, trace(scripted()));
        assertNotEquals(first.stream().filter(e -> !(e instanceof TraceEvent.CommandApplied)).toList(),
                trace(scripted().withScript(List.of())), "the script changes the run");
    }

    @Test
    void aScriptedCommandDoesWhatTheSameCommandGivenByHandAtThatTimeDoes() throws FlowException {
        List<TraceEvent> byHand = new ArrayList<>();
        Simulation simulation = new Simulation(scripted().withScript(List.of()));
        simulation.addListener(byHand::add);
        simulation.start();
        simulation.runUntil(2000.5);
        simulation.apply(new Command.SetSlowdown(ServiceId.KITCHEN, 5));
        simulation.runUntil(4000);
        simulation.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
        simulation.runUntil(6000);
        simulation.apply(Beats.script(scripted()).get(2).command());
        simulation.runToEnd();
        assertEquals(byHand, trace(scripted()));
    }

    @Test
    void aScriptIsCheckedLikeTheRestOfTheFile() {
        FlowException time = assertThrows(FlowException.class, () -> FlowLoader.parse(
                "{\"name\": \"x\",\n \"script\": [{\"atMs\": 2e9, \"command\": \"placeOrders\", \"count\": 1}]}", "s.json"));
        assertEquals("s.json:2:22: script[0].atMs: must be at most 1000000000 ms (about 11.6 days) but was 2e9", time.getMessage());
        FlowException name = assertThrows(FlowException.class, () -> FlowLoader.parse(
                "{\"name\": \"x\", \"script\": [{\"atMs\": 5, \"command\": \"placeOrder\", \"count\": 1}]}", "s.json"));
        assertEquals("script[0].command", name.fieldPath());
        assertTrue(name.problem().contains("did you mean \"placeOrders\"?"), name.problem());
        FlowException missing = assertThrows(FlowException.class, () -> FlowLoader.parse(
                "{\"name\": \"x\", \"script\": [{\"command\": \"placeOrders\", \"count\": 1}]}", "s.json"));
        assertEquals("script[0].atMs", missing.fieldPath());
        FlowException field = assertThrows(FlowException.class, () -> FlowLoader.parse(
                "{\"name\": \"x\", \"script\": [{\"atMs\": 5, \"command\": \"placeOrders\", \"cuont\": 1}]}", "s.json"));
        assertTrue(field.problem().contains("did you mean \"count\"?"), field.problem());
    }

    @Test
    void aValueTheCommandRefusesIsAnErrorAtTheCommandsPlaceWhenTheFlowOpens() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"x\",\n \"script\": [{\"atMs\": 5, \"command\": \"setSlowdown\","
                + " \"service\": \"kitchen\", \"factor\": 500}]}", "s.json");
        FlowException e = assertThrows(FlowException.class, () -> Beats.of(flow));
        assertEquals("s.json:2:13: script[0]: A slowdown factor must be ×0.1 to ×100, not ×500.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Simulation(flow));
    }

    @Test
    void aScriptCannotCrashAnInstanceTheServiceNeverRuns() throws FlowException {
        Flow flow = FlowLoader.parse("{\"name\": \"x\", \"services\": {\"inventory\": {\"instances\": 2}},\n \"script\": ["
                + "{\"atMs\": 5, \"command\": \"setInstanceDown\", \"service\": \"inventory\", \"instance\": 3, \"down\": true}]}", "s.json");
        FlowException e = assertThrows(FlowException.class, () -> Beats.of(flow));
        assertEquals("s.json:2:13: script[0]: Inventory Service has no instance 3; it runs 2 instances (services.inventory.instances)",
                e.getMessage());
        Flow grown = FlowLoader.parse("{\"name\": \"x\", \"script\": ["
                + "{\"atMs\": 5, \"command\": \"setInstances\", \"service\": \"inventory\", \"instances\": 3},"
                + "{\"atMs\": 9, \"command\": \"setInstanceDown\", \"service\": \"inventory\", \"instance\": 3, \"down\": true}]}",
                "s.json");
        assertEquals(2, Beats.script(grown).size());
    }
}
