package dev.switchboard.export;

import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;

/**
 * Every export of a recorded run as text, for the window's File → Export: the same sinks the runner
 * streams into its files, so the same run gives the same bytes from both.
 */
public final class Exports {
    private Exports() {
    }

    public static String otlp(Iterable<? extends TraceEvent> events) {
        StringBuilder out = new StringBuilder(1 << 16);
        fold(events, new OtlpJson(out));
        return out.toString();
    }

    public static String mermaid(Iterable<? extends TraceEvent> events, long ordersInDiagram) {
        StringBuilder out = new StringBuilder(1 << 14);
        fold(events, new SequenceDiagram(SequenceDiagram.Format.MERMAID, ordersInDiagram, out));
        return out.toString();
    }

    public static String plantUml(Iterable<? extends TraceEvent> events, long ordersInDiagram) {
        StringBuilder out = new StringBuilder(1 << 14);
        fold(events, new SequenceDiagram(SequenceDiagram.Format.PLANTUML, ordersInDiagram, out));
        return out.toString();
    }

    public static String reportCsv(Report report) {
        return ReportCsv.write(report);
    }

    private static void fold(Iterable<? extends TraceEvent> events, ExportSink sink) {
        for (TraceEvent event : events) {
            sink.onEvent(event);
        }
        sink.finish();
    }
}
