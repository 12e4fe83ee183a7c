package dev.switchboard.trace;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A flow's beats become exactly the engine commands the same controls would send. */
class BeatsTest {

    @Test
    void theHybridSamplesBeatsAreTheCommandsTheirNamesSay() throws FlowException {
        Flow hybrid = FlowLoader.loadSample("hybrid-order.json");
        List<List<Command>> beats = Beats.of(hybrid);
        assertFalse(beats.isEmpty());
        assertEquals("Kitchen slows to ×5", hybrid.beats().get(0).name());
        assertEquals(List.of(new Command.SetSlowdown(ServiceId.KITCHEN, 5)), beats.get(0));
        assertEquals(List.of(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC)), beats.get(1));
    }

    @Test
    void aValueTheEngineRefusesIsAnErrorAtTheCommandsPlaceInTheFile() throws FlowException {
        Flow flow = FlowLoader.parse("""
                {"name": "Demo",
                 "beats": [ { "name": "too slow",
                              "commands": [ { "command": "setSlowdown", "service": "kitchen", "factor": 500 } ] } ] }""",
                "demo.json");
        FlowException e = assertThrows(FlowException.class, () -> Beats.of(flow));
        assertEquals("beats[0].commands[0]", e.fieldPath());
        assertEquals(3, e.line());
        assertEquals("demo.json:3:" + e.column() + ": beats[0].commands[0]: " + e.problem(), e.getMessage());
    }
}
