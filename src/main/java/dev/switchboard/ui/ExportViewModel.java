package dev.switchboard.ui;

import dev.switchboard.export.Exports;
import dev.switchboard.export.SequenceDiagram;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.TraceEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What File → Export writes: the current run's trace, kept as it streams, folded by the same core
 * exports the runner uses ({@link Exports}), so a run played to its end in the window gives the same
 * bytes as {@code switchboard run} of the same flow. Mid-run, each export covers the run so far.
 */
public final class ExportViewModel {

    /** The text exports, with the file name a chooser suggests. */
    public enum Kind {
        REPORT_JSON("Report as JSON", "report.json", "*.json"),
        REPORT_CSV("Report as CSV", "report.csv", "*.csv"),
        OTLP("Traces as OpenTelemetry (OTLP JSON)", "traces.otlp.json", "*.json"),
        MERMAID("Sequence diagram as Mermaid", "sequence.mmd", "*.mmd"),
        PLANTUML("Sequence diagram as PlantUML", "sequence.puml", "*.puml");

        private final String title;
        private final String suggestedName;
        private final String pattern;

        Kind(String title, String suggestedName, String pattern) {
            this.title = title;
            this.suggestedName = suggestedName;
            this.pattern = pattern;
        }

        public String title() {
            return title;
        }

        public String suggestedName() {
            return suggestedName;
        }

        public String pattern() {
            return pattern;
        }
    }

    private final PlaybackViewModel playback;
    private long ordersInDiagram = SequenceDiagram.DEFAULT_ORDERS;

    /** Exports of {@code playback}'s run as far as the window shows it (no fold of its own while the run plays). */
    public ExportViewModel(PlaybackViewModel playback) {
        this.playback = java.util.Objects.requireNonNull(playback, "playback");
    }

    /** The run's trace up to the moment shown, read-only. */
    public List<TraceEvent> events() {
        return playback.history().prefix(playback.shownEvents());
    }

    public void setOrdersInDiagram(long orders) {
        ordersInDiagram = orders;
    }

    /** The export's text for the run so far. */
    public String text(Kind kind) {
        List<TraceEvent> events = events();
        Metrics metrics = new Metrics();
        for (TraceEvent event : events) {
            metrics.onEvent(event);
        }
        return switch (kind) {
            case REPORT_JSON -> ReportJson.write(metrics.report());
            case REPORT_CSV -> Exports.reportCsv(metrics.report());
            case OTLP -> Exports.otlp(events);
            case MERMAID -> Exports.mermaid(events, ordersInDiagram);
            case PLANTUML -> Exports.plantUml(events, ordersInDiagram);
        };
    }

    /** Writes the export to {@code file} as UTF-8. */
    public void write(Kind kind, Path file) throws IOException {
        Files.writeString(file, text(kind), StandardCharsets.UTF_8);
    }
}
