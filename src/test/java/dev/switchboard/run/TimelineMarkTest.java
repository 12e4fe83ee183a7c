package dev.switchboard.run;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineMarkTest {

    @Test
    void aRecordingsMarksAreItsCommandsItsScriptAndItsFaultsInTimeOrder() throws Exception {
        var flow = FlowLoader.parse("""
                {"name": "marks", "orders": {"count": 5, "interarrivalMs": {"fixed": 100}},
                 "faults": [{"service": "kitchen", "kind": "down", "atMs": 2000, "forMs": 1000}],
                 "script": [{"atMs": 500, "command": "setSlowdown", "service": "kitchen", "factor": 3}]}
                """, "marks.json");
        Recording recording = new Recording(flow, List.of(
                new StampedCommand(10, 1_200, new Command.SetWorkers(ServiceId.KITCHEN, 3))));
        List<TimelineMark> marks = TimelineMark.of(recording);
        assertEquals(List.of(TimelineMark.Kind.SCRIPT, TimelineMark.Kind.COMMAND, TimelineMark.Kind.FAULT_START,
                TimelineMark.Kind.FAULT_END), marks.stream().map(TimelineMark::kind).toList());
        assertEquals(List.of(500.0, 1_200.0, 2_000.0, 3_000.0), marks.stream().map(TimelineMark::atMs).toList());
        assertTrue(marks.get(0).text().startsWith("Script: Kitchen"), marks.get(0).text());
        assertTrue(marks.get(2).text().contains("down"), marks.get(2).text());
    }
}
