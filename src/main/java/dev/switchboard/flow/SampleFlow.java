package dev.switchboard.flow;

import java.util.Objects;

/** One flow shipped with Switchboard: its file in {@code sample-flows/}, the name shown in lists and what it teaches. */
public record SampleFlow(String fileName, String displayName, String description) {
    public SampleFlow {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
    }

    /** Loads this sample from the classpath. */
    public Flow load() throws FlowException {
        return FlowLoader.loadSample(fileName);
    }
}
