package dev.switchboard.run;

import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.RecordingText;
import dev.switchboard.trace.Beats;
import dev.switchboard.trace.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a {@link Recording} as a file and opens one: {@code {"switchboardRecording": 1, "flow": {...},
 * "commands": [...]}} (see {@link RecordingText}). The file carries the whole flow, not a path to it, so
 * it replays the same run on any machine. A bad file gets the errors of a bad flow: file, line, column,
 * field path ({@code commands[2].factor}, {@code flow.services.kitchen.workers}) and the problem.
 */
public final class RecordingFiles {

    private RecordingFiles() {
    }

    /** Writes the recording to {@code file} (UTF-8, {@code \n} line ends), replacing what was there. */
    public static void write(Recording recording, Path file) throws IOException {
        Files.writeString(file, text(recording), StandardCharsets.UTF_8);
    }

    /** The recording as the text of a recording file; the same recording always gives the same text. */
    public static String text(Recording recording) {
        List<RecordingText.Entry> entries = new ArrayList<>();
        for (StampedCommand c : recording.commands()) {
            entries.add(new RecordingText.Entry(c.atEvent(), c.atMs(), Commands.toFile(c.command())));
        }
        Moment played = recording.playedTo();
        return RecordingText.write(new RecordingText.Parts(recording.flow(), entries,
                played == null ? null : new RecordingText.PlayedTo(played.events(), played.timeMs())));
    }

    /** Reads a recording file; errors name the file as the path was given. */
    public static Recording read(Path file) throws FlowException {
        return parse(FlowLoader.readText(file), file.toString());
    }

    /**
     * Reads a recording from its text; {@code sourceName} is what errors call it. Checks the flow's
     * beats and script as opening a flow does, and every command's values by the command's own rules.
     */
    public static Recording parse(String json, String sourceName) throws FlowException {
        RecordingText.Parts parts = RecordingText.parse(json, sourceName);
        Beats.of(parts.flow());
        List<StampedCommand> commands = new ArrayList<>();
        for (RecordingText.Entry entry : parts.commands()) {
            commands.add(new StampedCommand(entry.atEvent(), entry.atMs(), Commands.fromFilePlaced(entry.command())));
        }
        RecordingText.PlayedTo played = parts.playedTo();
        return new Recording(parts.flow(), commands, played == null ? null : new Moment(played.atEvent(), played.atMs()));
    }

    /**
     * Whether {@code file} is a recording rather than a flow: a readable JSON object with a
     * {@code "switchboardRecording"} field. Reads the file; for a pipe, read the text once and ask
     * {@link #isRecording(String)}.
     */
    public static boolean isRecording(Path file) {
        try {
            return isRecording(FlowLoader.readText(file));
        } catch (FlowException unreadable) {
            return false;
        }
    }

    /** Whether the text is a recording's (its top-level object has {@code "switchboardRecording"}). */
    public static boolean isRecording(String json) {
        return RecordingText.isRecording(json);
    }
}
