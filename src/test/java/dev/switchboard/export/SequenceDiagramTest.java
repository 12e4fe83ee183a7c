package dev.switchboard.export;

import dev.switchboard.model.InboundKind;
import dev.switchboard.model.Outcome;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.spans.ScriptedRuns;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.error.PSystemError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequence diagram exports: PlantUML drawn by PlantUML itself, Mermaid checked line by line. */
class SequenceDiagramTest {
    private static final Pattern MERMAID_LINE = Pattern.compile(
            "(actor|participant) [A-Za-z]+ as [A-Za-z ]+"
                    + "|[A-Za-z]+(->>|-->>|-\\)|-x)[A-Za-z]+: [A-Za-z0-9 (),.]+"
                    + "|Note over [A-Za-z]+: [A-Za-z0-9 (),.]+"
                    + "|(activate|deactivate) [A-Za-z]+");

    /** Arrows the trace implies for the followed orders: customer in and out, requests, replies, messages both legs. */
    private static long expectedArrows(List<TraceEvent> events, long orders) {
        return events.stream().filter(e -> {
            if (e instanceof TraceEvent.OrderPlaced p) {
                return p.orderId() <= orders;
            } else if (e instanceof TraceEvent.CustomerAnswered a) {
                return a.orderId() <= orders;
            } else if (e instanceof TraceEvent.OrderFinished f) {
                return f.orderId() <= orders && f.outcome() == Outcome.DELIVERED;
            } else if (e instanceof TraceEvent.RequestSent r) {
                return r.orderId() <= orders;
            } else if (e instanceof TraceEvent.ReplySent r) {
                return r.orderId() <= orders;
            } else if (e instanceof TraceEvent.MessageSent m) {
                return m.orderId() <= orders;
            } else if (e instanceof TraceEvent.InboundTaken t) {
                return t.orderId() <= orders && (t.kind() == InboundKind.QUEUE_MESSAGE || t.kind() == InboundKind.EVENT);
            } else if (e instanceof TraceEvent.MessageLost l) {
                return l.orderId() <= orders;
            }
            return false;
        }).count();
    }

    @Test
    void theMermaidTextIsASequenceDiagramWithTheTracesArrowsAndBalancedBlockedBars() {
        List<TraceEvent> events = ScriptedRuns.play(ScriptedRuns.hybrid(8, "queue", 0.2), null);
        String text = Exports.mermaid(events, 5);
        List<String> lines = text.lines().filter(l -> !l.startsWith("%%")).toList();
        assertEquals("sequenceDiagram", lines.get(0));
        Map<String, Integer> active = new HashMap<>();
        long arrows = 0;
        for (String line : lines.subList(1, lines.size())) {
            String body = line.strip();
            assertTrue(MERMAID_LINE.matcher(body).matches(), "not Mermaid sequence syntax: " + body);
            if (body.contains(": ") && !body.startsWith("Note")) {
                arrows++;
            }
            if (body.startsWith("activate ")) {
                active.merge(body.substring(9), 1, Integer::sum);
            } else if (body.startsWith("deactivate ")) {
                int left = active.merge(body.substring(11), -1, Integer::sum);
                assertTrue(left >= 0, "deactivating an inactive lifeline: " + body);
            }
        }
        active.values().forEach(v -> assertEquals(0, v));
        assertEquals(expectedArrows(events, 5), arrows);
        assertTrue(text.contains("-x"), "the lossy link loses something in 8 orders");
        assertFalse(text.contains("order 6 "), "only the first 5 orders");
    }

    @Test
    void plantUmlDrawsTheExportWithoutASyntaxError() throws Exception {
        List<TraceEvent> events = ScriptedRuns.play(ScriptedRuns.hybrid(8, "queue", 0.2), null);
        String text = Exports.plantUml(events, 8);
        SourceStringReader reader = new SourceStringReader(text);
        List<BlockUml> blocks = reader.getBlocks();
        assertEquals(1, blocks.size());
        assertFalse(blocks.get(0).getDiagram() instanceof PSystemError, () -> "PlantUML refused it: "
                + ((PSystemError) blocks.get(0).getDiagram()).getErrorsUml());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        reader.outputImage(svg, new FileFormatOption(FileFormat.SVG));
        String drawn = svg.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("<svg") || drawn.contains("<svg"), "an SVG");
        assertFalse(drawn.contains("Syntax Error"));
        for (dev.switchboard.spans.Lane lifeline : dev.switchboard.spans.Lane.values()) {
            assertTrue(drawn.contains(lifeline.title().split(" ")[0]), lifeline.title());
        }
        assertTrue(drawn.contains("check stock"));
    }

    @Test
    void plantUmlDrawsTheSyncWiringToo() throws Exception {
        String text = Exports.plantUml(ScriptedRuns.play(ScriptedRuns.hybrid(3, "sync", 0), null), 3);
        SourceStringReader reader = new SourceStringReader(text);
        assertFalse(reader.getBlocks().get(0).getDiagram() instanceof PSystemError, text);
        assertTrue(text.contains("Order -> Kitchen : order 1 prepare"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("dev.switchboard.flow.SampleFlows#fileNames")
    void everySamplesDiagramIsAcceptedByPlantUmlAndFollowsTheMermaidGrammar(String sample) throws Exception {
        List<TraceEvent> events = ScriptedRuns.play(dev.switchboard.flow.FlowLoader.loadSample(sample), null);
        String plantUml = Exports.plantUml(events, 40);
        SourceStringReader reader = new SourceStringReader(plantUml);
        assertFalse(reader.getBlocks().get(0).getDiagram() instanceof PSystemError, () -> sample + ": "
                + ((PSystemError) reader.getBlocks().get(0).getDiagram()).getErrorsUml());
        String mermaid = Exports.mermaid(events, 40);
        for (String line : mermaid.lines().filter(l -> !l.startsWith("%%")).skip(1).toList()) {
            assertTrue(MERMAID_LINE.matcher(line.strip()).matches(), sample + ": " + line);
        }
    }
}
