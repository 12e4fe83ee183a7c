package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flow's optional "beats": read with their commands typed, or refused at their place in the file. */
class BeatsReaderTest {
    private static final String SOURCE = "demo.json";

    private static String flow(String beats) {
        return "{\n  \"name\": \"Demo\",\n  \"beats\": " + beats + "\n}";
    }

    @Test
    void aFlowWithoutBeatsHasNone() throws FlowException {
        assertEquals(List.of(), FlowLoader.parse("{\"name\": \"Demo\"}", SOURCE).beats());
    }

    @Test
    void beatsAreReadWithTheirNamesAndTypedCommandsInOrder() throws FlowException {
        Flow flow = FlowLoader.parse(flow("""
                [ { "name": "kitchen slows to ×5",
                    "commands": [ { "command": "setSlowdown", "service": "kitchen", "factor": 5 },
                                  { "command": "setLinkStyle", "link": "order->kitchen", "style": "sync" } ] },
                  { "name": "instance 2 crashes",
                    "commands": [ { "command": "setInstanceDown", "service": "inventory", "instance": 2, "down": true } ] } ]"""),
                SOURCE);
        assertEquals(List.of("kitchen slows to ×5", "instance 2 crashes"), flow.beats().stream().map(BeatSpec::name).toList());
        BeatCommand slow = flow.beats().get(0).commands().get(0);
        assertEquals("setSlowdown", slow.command());
        assertEquals(Map.of("service", ServiceId.KITCHEN, "factor", 5.0), slow.arguments());
        assertEquals(Map.of("link", LinkId.ORDER_KITCHEN, "style", LinkStyle.SYNC),
                flow.beats().get(0).commands().get(1).arguments());
        // Files count instances from 1, the engine from 0.
        assertEquals(1, flow.beats().get(1).commands().get(0).arguments().get("instance"));
        assertEquals("beats[0].commands[1]", flow.beats().get(0).commands().get(1).path());
    }

    @Test
    void anUnknownCommandIsNamedWithASuggestionAtItsPlace() {
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"x\", \"commands\": [ { \"command\": \"setSlowdwn\", \"service\": \"kitchen\" } ] } ]"), SOURCE));
        assertEquals("beats[0].commands[0].command", e.fieldPath());
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("unknown command \"setSlowdwn\"; did you mean \"setSlowdown\"?"), e.problem());
        assertTrue(e.getMessage().startsWith("demo.json:3:"), e.getMessage());
    }

    @Test
    void aFieldOfTheWrongTypeOrAMissingOneIsReportedAtItsPath() {
        FlowException wrong = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"x\", \"commands\": [ { \"command\": \"setSlowdown\", \"service\": \"kitchen\", \"factor\": \"five\" } ] } ]"),
                SOURCE));
        assertEquals("beats[0].commands[0].factor", wrong.fieldPath());
        assertTrue(wrong.problem().contains("a number"), wrong.problem());
        FlowException missing = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"x\", \"commands\": [ { \"command\": \"setSlowdown\", \"service\": \"kitchen\" } ] } ]"), SOURCE));
        assertEquals("beats[0].commands[0].factor", missing.fieldPath());
        assertTrue(missing.problem().startsWith("missing required field \"factor\""), missing.problem());
        FlowException extra = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"x\", \"commands\": [ { \"command\": \"setServiceDown\", \"service\": \"kitchen\", \"down\": true, \"factor\": 2 } ] } ]"),
                SOURCE));
        assertTrue(extra.fieldPath().startsWith("beats[0].commands[0]"), extra.fieldPath());
        FlowException service = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"x\", \"commands\": [ { \"command\": \"setServiceDown\", \"service\": \"kitchn\", \"down\": true } ] } ]"),
                SOURCE));
        assertEquals("beats[0].commands[0].service", service.fieldPath());
    }

    @Test
    void aBeatNeedsANameAndAtLeastOneCommandAndAFlowAtMostNineBeats() {
        FlowException noName = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"commands\": [ { \"command\": \"setAgents\", \"agents\": 2 } ] } ]"), SOURCE));
        assertEquals("beats[0].name", noName.fieldPath());
        FlowException empty = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[ { \"name\": \"nothing\", \"commands\": [] } ]"), SOURCE));
        assertEquals("beats[0].commands", empty.fieldPath());
        String beat = "{ \"name\": \"b\", \"commands\": [ { \"command\": \"setAgents\", \"agents\": 2 } ] }";
        FlowException ten = assertThrows(FlowException.class, () -> FlowLoader.parse(flow(
                "[" + String.join(", ", java.util.Collections.nCopies(10, beat)) + "]"), SOURCE));
        assertEquals("beats[9]", ten.fieldPath());
    }

    @Test
    void everyBeatCommandIsAnEngineCommandWithTheSameFieldNames() {
        for (Map.Entry<String, Map<String, CommandSyntax.Kind>> entry : CommandSyntax.COMMANDS.entrySet()) {
            String recordName = entry.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + entry.getKey().substring(1);
            Class<?> record = Arrays.stream(Command.class.getPermittedSubclasses())
                    .filter(c -> c.getSimpleName().equals(recordName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no command record " + recordName));
            List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            assertEquals(components, List.copyOf(entry.getValue().keySet()), recordName);
        }
    }
}
