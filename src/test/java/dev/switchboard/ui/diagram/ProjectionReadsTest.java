package dev.switchboard.ui.diagram;

import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A projection is handed only the kinds of event its {@code reads()} names, so the list must name
 * every kind its {@code onEvent} looks at: a plain source scan of each projection holds them together.
 */
class ProjectionReadsTest {
    private static final Pattern INSTANCEOF = Pattern.compile("instanceof (?:TraceEvent\\.)?(\\w+)");

    @Test
    void everyProjectionReadsExactlyTheKindsItsOnEventLooksAt() throws IOException {
        ServiceInstances instances = new ServiceInstances();
        List<Projection> parts = List.of(instances, new ServiceWorkers(instances), new InboundLines(), new InFlightTokens(),
                new FadingMarks(), new LinkGuards(), new DeadLetterQueues(), new ServiceRegistry(), new DeliveryAgents(),
                new CustomerTallies(), new OrderHistories());
        for (Projection part : parts) {
            String name = part.getClass().getSimpleName();
            String source = Files.readString(Path.of("src/main/java/dev/switchboard/ui/diagram/" + name + ".java"));
            Set<String> looked = new TreeSet<>();
            Matcher m = INSTANCEOF.matcher(source);
            while (m.find()) {
                looked.add(m.group(1));
            }
            Set<String> read = part.reads().stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(looked, read, name);
            part.reads().forEach(kind -> assertEquals(TraceEvent.class, kind.getInterfaces()[0], kind + " is a trace event"));
        }
    }
}
