package dev.switchboard.trace;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.BeatCommand;
import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.CommandSyntax;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowWriter;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One vocabulary for every engine command: each record written as a file writes it and read back equal. */
class CommandVocabularyTest {

    /** Values to try for each component type; the first few that a record's constructor accepts are used. */
    private static final Map<Class<?>, List<Object>> CANDIDATES = candidates();

    private static Map<Class<?>, List<Object>> candidates() {
        Map<Class<?>, List<Object>> c = new HashMap<>();
        c.put(int.class, List.of(3, 1, 64, Integer.MAX_VALUE));
        c.put(double.class, List.of(0.25, 1.0, 2.5, 0.1 + 0.2, 100.0));
        c.put(boolean.class, List.of(true, false));
        c.put(ServiceId.class, Arrays.asList((Object[]) ServiceId.values()));
        c.put(LinkId.class, Arrays.asList((Object[]) LinkId.values()));
        c.put(LinkStyle.class, Arrays.asList((Object[]) LinkStyle.values()));
        c.put(Distribution.class, List.of(new Distribution.Uniform(300, 900.5), new Distribution.Fixed(20),
                new Distribution.Exponential(1.0 / 3), new Distribution.Normal(50, 12.5)));
        c.put(RetryPolicy.class, List.of(new RetryPolicy(4, 50, 2, 0.2), RetryPolicy.NONE, new RetryPolicy(1, 100, 2, 0.2)));
        c.put(BreakerPolicy.class, Arrays.asList(BreakerPolicy.defaults(), null, new BreakerPolicy(0.4, 20, 7, 1500.5, 3)));
        c.put(BulkheadPolicy.class, Arrays.asList(new BulkheadPolicy(2, true, 500), null, new BulkheadPolicy(7, false, 0)));
        c.put(StockFallback.class, Arrays.asList((Object[]) StockFallback.values()));
        c.put(DeliveryPolicy.class, List.of(DeliveryPolicy.DEFAULTS,
                new DeliveryPolicy(true, 3, 1000, OverflowPolicy.DROP_OLDEST, 250.5, false)));
        c.put(DiscoverySpec.class, Arrays.asList(DiscoverySpec.DEFAULTS, null,
                new DiscoverySpec(250, 2, 0, Balancing.LEAST_BUSY)));
        return c;
    }

    /** Instances of the record: the k-th tries the k-th candidate of each component (wrapping round). */
    private static List<Command> examples(Class<? extends Command> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<? extends Command> constructor = record.getDeclaredConstructor(types);
        List<Command> examples = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                List<Object> candidates = CANDIDATES.get(types[i]);
                if (candidates == null) {
                    throw new AssertionError(record.getSimpleName() + "." + components[i].getName() + ": no example values for "
                            + types[i].getSimpleName() + "; add them to CANDIDATES (and the type to CommandSyntax)");
                }
                arguments[i] = candidates.get((k + i) % candidates.size());
            }
            try {
                examples.add(constructor.newInstance(arguments));
            } catch (InvocationTargetException refused) {
                // a combination the command refuses (a style its link cannot take); try the next
            }
        }
        return examples;
    }

    @Test
    void everyCommandRecordIsWrittenAndReadBackEqual() throws Exception {
        for (Class<? extends Command> record : Commands.records()) {
            List<Command> examples = examples(record);
            assertFalse(examples.isEmpty(), record.getSimpleName() + ": no example the constructor accepts");
            for (Command command : examples) {
                String text = FlowWriter.text(CommandSyntax.write(Commands.toFile(command)));
                BeatCommand read = CommandSyntax.parse(text, "command.json");
                assertEquals(command, Commands.fromFile(read), text);
            }
        }
    }

    @Test
    void theVocabularyNamesEveryCommandRecordAndNothingElse() {
        List<String> records = Commands.records().stream().map(Commands::name).sorted().toList();
        assertEquals(records, CommandSyntax.names().stream().sorted().toList());
        for (Class<? extends Command> record : Commands.records()) {
            assertEquals(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList(),
                    CommandSyntax.fieldNames(Commands.name(record)), record.getSimpleName());
        }
    }

    @Test
    void aPolicyIsWrittenAsTheLinksSectionWritesItAndOffSwitchesItOff() throws Exception {
        String breaker = FlowWriter.text(CommandSyntax.write(Commands.toFile(new Command.SetBreaker(LinkId.ORDER_INVENTORY, null))));
        assertTrue(breaker.contains("\"breaker\": \"off\""), breaker);
        BeatCommand partial = CommandSyntax.parse("{\"command\": \"setRetry\", \"link\": \"order->inventory\","
                + " \"retry\": {\"maxAttempts\": 3}}", "c.json");
        // Fields left out take the flow format's defaults, as in a link's "retry".
        assertEquals(new Command.SetRetry(LinkId.ORDER_INVENTORY, new RetryPolicy(3, 100, 2, 0.2)), Commands.fromFile(partial));
        BeatCommand discovery = CommandSyntax.parse("{\"command\": \"setDiscovery\", \"discovery\": {\"balancing\": \"least-busy\"}}",
                "c.json");
        assertEquals(new Command.SetDiscovery(DiscoverySpec.DEFAULTS.withBalancing(Balancing.LEAST_BUSY)),
                Commands.fromFile(discovery));
    }

    @Test
    void aMistypedFieldOrPolicyIsNamedAtItsPlaceWithASuggestion() {
        FlowException field = assertThrows(FlowException.class, () -> CommandSyntax.parse(
                "{\"command\": \"setBulkhead\", \"link\": \"order->inventory\",\n \"bulkhead\": {\"maxConcurent\": 2}}", "c.json"));
        assertEquals("bulkhead.maxConcurent", field.fieldPath());
        assertEquals(2, field.line());
        assertTrue(field.problem().contains("did you mean \"maxConcurrent\"?"), field.problem());
        FlowException off = assertThrows(FlowException.class, () -> CommandSyntax.parse(
                "{\"command\": \"setBreaker\", \"link\": \"order->inventory\", \"breaker\": \"of\"}", "c.json"));
        assertEquals("breaker", off.fieldPath());
        assertTrue(off.problem().contains("did you mean \"off\"?"), off.problem());
        FlowException name = assertThrows(FlowException.class, () -> CommandSyntax.parse(
                "{\"command\": \"setStockFalback\", \"fallback\": \"reject\"}", "c.json"));
        assertTrue(name.problem().contains("did you mean \"setStockFallback\"?"), name.problem());
    }

    @Test
    void aValueTheCommandRefusesIsReportedAtTheCommandsPlace() throws Exception {
        BeatCommand read = CommandSyntax.parse("{\"command\": \"setDeliveryPolicy\", \"link\": \"order->inventory\","
                + " \"delivery\": {\"acks\": true}}", "c.json");
        FlowException e = assertThrows(FlowException.class, () -> Commands.fromFilePlaced(read));
        assertEquals("c.json:1:1: order->inventory is always sync; delivery settings apply to queue and event links.",
                e.getMessage());
    }
}
