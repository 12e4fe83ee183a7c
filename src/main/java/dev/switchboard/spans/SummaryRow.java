package dev.switchboard.spans;

import dev.switchboard.flow.Flow;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.QueueTheory;
import dev.switchboard.trace.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One line of the summary table beside the charts: a figure of the {@link Report} (the same the
 * headless runner prints) and, where queueing theory has an answer, the theory's value.
 */
public record SummaryRow(String section, String figure, String measured, String theory) {

    /** The table for {@code report} of a run of {@code flow}. */
    public static List<SummaryRow> of(Report report, Flow flow) {
        List<SummaryRow> rows = new ArrayList<>();
        Report.Orders o = report.orders();
        rows.add(row("Orders", "placed", o.placed()));
        rows.add(row("Orders", "delivered", o.delivered()));
        rows.add(row("Orders", "rejected", o.rejected()));
        rows.add(row("Orders", "failed", o.failed()));
        rows.add(row("Orders", "lost", o.lost()));
        rows.add(row("Orders", "in flight", o.inFlight()));
        latency(rows, "Acceptance latency", report.acceptLatencyMs());
        latency(rows, "Delivery latency", report.deliveryLatencyMs());
        for (ServiceId id : ServiceId.values()) {
            Report.Service s = report.services().get(id);
            String section = id.displayName();
            rows.add(new SummaryRow(section, "utilization", percent(s.utilization()), ""));
            rows.add(new SummaryRow(section, "mean queue wait ms", ms(s.meanQueueWaitMs()),
                    id == ServiceId.KITCHEN ? kitchenTheory(report, flow) : ""));
            rows.add(new SummaryRow(section, "mean queue length", number(s.meanQueueLength()),
                    "Little λW " + number(QueueTheory.littleQueueLength(s.taken(), s.meanQueueWaitMs(), report.simulatedMs()))));
            rows.add(row(section, "max queue length", s.maxQueueLength()));
            rows.add(new SummaryRow(section, "blocked worker ms", ms(s.blockedMs()), ""));
            rows.add(row(section, "errors", s.errors()));
        }
        for (LinkId id : LinkId.values()) {
            Report.Link l = report.links().get(id);
            String section = id.key();
            rows.add(row(section, "messages", l.messages()));
            rows.add(row(section, "lost", l.lost()));
            rows.add(row(section, "timeouts", l.timeouts()));
            rows.add(row(section, "retries", l.retries()));
            rows.add(row(section, "refused", l.refused() + l.callsRejected()));
            rows.add(row(section, "redelivered", l.redelivered()));
        }
        return rows;
    }

    /**
     * The M/M/c wait for the kitchen, when its work is exponential and orders arrive as a Poisson
     * stream; the arrival rate is the kitchen's measured intake (orders that passed the stock check).
     */
    static String kitchenTheory(Report report, Flow flow) {
        if (flow == null) {
            return "";
        }
        var kitchen = flow.service(ServiceId.KITCHEN);
        if (!(kitchen.workMs() instanceof Distribution.Exponential work)) {
            return "M/M/c: work is not exponential";
        }
        if (!(flow.orders().interarrivalMs() instanceof Distribution.Exponential)) {
            return "M/M/c: arrivals are not Poisson";
        }
        Report.Service s = report.services().get(ServiceId.KITCHEN);
        if (report.simulatedMs() <= 0 || s.taken() == 0) {
            return "M/M/c: no arrivals yet";
        }
        OptionalDouble wait = QueueTheory.erlangCWaitMs(s.taken() / report.simulatedMs(),
                1 / (work.meanMs() * kitchen.slowdown()), kitchen.workers() * kitchen.instances());
        return "M/M/c " + (wait.isEmpty() ? "unstable (∞)" : ms(wait.getAsDouble()));
    }

    private static void latency(List<SummaryRow> rows, String section, Report.Latency l) {
        rows.add(row(section, "count", l.count()));
        rows.add(new SummaryRow(section, "mean ms", ms(l.mean()), ""));
        rows.add(new SummaryRow(section, "p50 ms", ms(l.p50()), ""));
        rows.add(new SummaryRow(section, "p95 ms", ms(l.p95()), ""));
        rows.add(new SummaryRow(section, "max ms", ms(l.max()), ""));
    }

    private static SummaryRow row(String section, String figure, long value) {
        return new SummaryRow(section, figure, Long.toString(value), "");
    }

    /** Milliseconds as the text report prints them (one decimal). */
    public static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
