package dev.switchboard.trace;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.InboundKind;
import dev.switchboard.system.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of trace event says what it is about and has a sentence, so a new kind cannot be half
 * wired; and on real runs the declared meanings keep their promises.
 */
class EventMeaningTest {

    private static final List<Class<?>> MEANINGS =
            List.of(OrderScoped.class, ServiceScoped.class, LinkScoped.class, RunScoped.class);

    /** A component with one of these names is what the event is about, so its kind must say so. */
    private static final Map<String, Class<?>> COMPONENT_MEANINGS = Map.of(
            "orderId", OrderScoped.class, "service", ServiceScoped.class, "worker", WorkerScoped.class,
            "link", LinkScoped.class, "agent", DeliveryScoped.class);

    @Test
    void everyKindOfTraceEventSaysWhatItIsAboutAndHasASentence() {
        Narrator narrator = new Narrator();
        List<String> halfWired = new ArrayList<>();
        for (Class<?> kind : SampleEvents.kinds()) {
            if (MEANINGS.stream().noneMatch(meaning -> meaning.isAssignableFrom(kind))) {
                halfWired.add(kind.getSimpleName() + " says nothing about what it is about: implement OrderScoped, "
                        + "ServiceScoped, LinkScoped or RunScoped");
            }
            String sentence = narrator.narrate(SampleEvents.of(kind));
            if (sentence.startsWith(Narrator.UNNARRATED)) {
                halfWired.add(kind.getSimpleName() + " has no sentence in the Narrator");
            }
        }
        assertEquals(List.of(), halfWired);
    }

    @Test
    void aKindWithAnOrderServiceWorkerLinkOrAgentComponentDeclaresIt() {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> kind : SampleEvents.kinds()) {
            for (RecordComponent component : kind.getRecordComponents()) {
                Class<?> meaning = COMPONENT_MEANINGS.get(component.getName());
                if (meaning != null && !meaning.isAssignableFrom(kind)) {
                    undeclared.add(kind.getSimpleName() + " has " + component.getName() + " but is not "
                            + meaning.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), undeclared);
    }

    @Test
    void anEventAboutTheWholeRunIsAboutNoOrderServiceOrLink() {
        for (Class<?> kind : SampleEvents.kinds()) {
            if (RunScoped.class.isAssignableFrom(kind)) {
                assertTrue(Stream.of(OrderScoped.class, ServiceScoped.class, LinkScoped.class)
                        .noneMatch(meaning -> meaning.isAssignableFrom(kind)), kind.getSimpleName());
            }
        }
    }

    @Test
    void aSampleEventAnswersWithItsOwnOrder() {
        for (TraceEvent event : SampleEvents.oneOfEveryKind()) {
            if (event instanceof OrderScoped scoped) {
                assertEquals(SampleEvents.ORDER_ID, scoped.orderId(), event.toString());
            }
        }
    }

    static Stream<String> samples() {
        return SampleFlows.all().stream().map(SampleFlow::fileName);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void inEverySampleTheDeclaredMeaningsKeepTheirPromises(String sample) throws Exception {
        Simulation simulation = new Simulation(FlowLoader.loadSample(sample).withOrderCount(150));
        List<String> broken = new ArrayList<>();
        simulation.addListener(event -> {
            if (event instanceof OrderScoped o && o.orderId() < 1) {
                broken.add("order id below 1: " + event);
            }
            if (event instanceof ServiceScoped s && s.service() == null) {
                broken.add("no service: " + event);
            }
            if (event instanceof WorkerScoped w && w.worker() < 0) {
                broken.add("no worker: " + event);
            }
            boolean newOrder = event instanceof TraceEvent.InboundArrived a && a.kind() == InboundKind.NEW_ORDER
                    || event instanceof TraceEvent.InboundTaken t && t.kind() == InboundKind.NEW_ORDER;
            if (event instanceof LinkScoped l && (l.link() == null) != newOrder) {
                broken.add(newOrder ? "a new order came by a link: " + event : "no link: " + event);
            }
            if (event instanceof TraceEvent.CallTimedOut t && t.caller() != t.service()) {
                broken.add("the caller is not where the link starts: " + event);
            }
        });
        simulation.start();
        simulation.runToEnd();
        assertTrue(simulation.emittedTraceEvents() > 0);
        assertEquals(List.of(), broken.stream().limit(5).toList(), sample);
    }
}
