package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.run.Recording;
import dev.switchboard.run.RecordingFiles;
import dev.switchboard.trace.Beats;
import dev.switchboard.flow.FlowOverride;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the flow a command line names: a file if one exists at that path, otherwise a sample
 * shipped with Switchboard of that name ({@code hybrid-order.json} or just {@code hybrid-order}).
 */
final class FlowFiles {

    private FlowFiles() {
    }

    static Flow load(String name) throws FlowException {
        return load(name, List.of());
    }

    /** The same, with fields changed before the flow is checked (see {@link FlowOverride}). */
    static Flow load(String name, List<FlowOverride> overrides) throws FlowException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw FlowException.unplaced(name, "not a valid file name: " + e.getReason());
        }
        if (!Files.exists(path) && !name.contains("/") && !name.contains("\\")) {
            String sample = name.endsWith(".json") ? name : name + ".json";
            if (FlowFiles.class.getClassLoader().getResource(FlowLoader.SAMPLE_FOLDER + "/" + sample) != null) {
                return FlowLoader.loadSample(sample, overrides);
            }
        }
        return FlowLoader.load(path, overrides);
    }

    /**
     * What {@code run} plays: a recording file as it was recorded, or a flow (a file, or a shipped
     * sample) with no commands. The file is read once, so a pipe works too. A flow's beats and script
     * are checked as opening it in the window checks them.
     */
    static Playable loadRun(String name) throws FlowException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw FlowException.unplaced(name, "not a valid file name: " + e.getReason());
        }
        Flow flow;
        if (Files.exists(path) && !Files.isDirectory(path)) {
            String text = FlowLoader.readText(path);
            if (RecordingFiles.isRecording(text)) {
                return new Playable(RecordingFiles.parse(text, name), true);
            }
            flow = FlowLoader.parse(text, name);
        } else {
            flow = load(name);
        }
        Beats.of(flow);
        return new Playable(Recording.of(flow), false);
    }

    /** What {@code run} was given: a recording file ({@code recorded}), or a flow as a recording without commands. */
    record Playable(Recording recording, boolean recorded) { }
}
