package dev.switchboard.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flows shipped in {@code sample-flows/}, in the order they are best explored: the hybrid
 * flow first (the default), then one lesson each, the resilience mechanisms last (sync calls
 * before queued messages, then service discovery). Names and descriptions come from the files
 * themselves, so a list in the window cannot drift from what a sample actually says.
 */
public final class SampleFlows {

    /** The sample a fresh window opens with. */
    public static final String DEFAULT_FILE = "hybrid-order.json";

    /** The quiet sample: no automatic orders, for placing one by hand and stepping it to the end. */
    public static final String QUIET_FILE = "one-order.json";

    /** Every shipped sample, in teaching order. A test checks this against the folder. */
    static final List<String> FILE_NAMES = List.of(
            DEFAULT_FILE,
            QUIET_FILE,
            "all-sync.json",
            "kitchen-backlog.json",
            "courier-shortage.json",
            "inventory-outage.json",
            "lossy-network.json",
            "retry-storm.json",
            "circuit-breaker.json",
            "poison-message.json",
            "duplicate-delivery.json",
            "instance-failover.json");

    private SampleFlows() {
    }

    /** The samples in teaching order; the first is the default. */
    public static List<SampleFlow> all() {
        return Holder.ALL;
    }

    /** The shipped samples' file names, in teaching order. */
    public static List<String> fileNames() {
        return FILE_NAMES;
    }

    public static SampleFlow defaultSample() {
        return all().get(0);
    }

    public static Optional<SampleFlow> byFileName(String fileName) {
        return all().stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }

    /** Reads the samples once, on first use; the list is the same for the life of the program. */
    private static final class Holder {
        static final List<SampleFlow> ALL = readAll();

        private static List<SampleFlow> readAll() {
            List<SampleFlow> samples = new ArrayList<>();
            for (String fileName : FILE_NAMES) {
                try {
                    Flow flow = FlowLoader.loadSample(fileName);
                    samples.add(new SampleFlow(fileName, flow.name(), flow.description()));
                } catch (FlowException e) {
                    // A shipped sample that does not load is a packaging bug, not a user's mistake.
                    throw new IllegalStateException("the shipped sample " + e.getMessage(), e);
                }
            }
            return List.copyOf(samples);
        }
    }
}
