package dev.switchboard.trace;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.util.Map;

/**
 * Writes a {@link Report} as indented JSON with the contract's field names in a fixed order.
 * Durations and lengths have 3 decimals, utilization 4, so the same run prints the same bytes.
 */
public final class ReportJson {
    static final int MS_DECIMALS = 3;
    static final int RATIO_DECIMALS = 4;

    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    private boolean firstInObject = true;

    private ReportJson() {
    }

    /** The report as JSON text, ending with a newline. */
    public static String write(Report report) {
        ReportJson json = new ReportJson();
        json.report(report);
        json.out.append('\n');
        return json.out.toString();
    }

    private void report(Report r) {
        open(null);
        string("flow", r.flow());
        integer("seed", r.seed());
        decimal("simulatedMs", r.simulatedMs(), MS_DECIMALS);
        integer("events", r.events());
        open("orders");
        Report.Orders o = r.orders();
        integer("placed", o.placed());
        integer("delivered", o.delivered());
        integer("rejected", o.rejected());
        integer("failed", o.failed());
        integer("lost", o.lost());
        integer("deadLettered", o.deadLettered());
        integer("inFlight", o.inFlight());
        integer("accepted", o.accepted());
        integer("fallbacks", o.fallbacks());
        integer("tripsAfterFate", o.tripsAfterFate());
        close();
        latency("acceptLatencyMs", r.acceptLatencyMs());
        latency("deliveryLatencyMs", r.deliveryLatencyMs());
        open("services");
        for (Map.Entry<ServiceId, Report.Service> entry : r.services().entrySet()) {
            Report.Service s = entry.getValue();
            open(entry.getKey().key());
            decimal("utilization", s.utilization(), RATIO_DECIMALS);
            decimal("meanQueueWaitMs", s.meanQueueWaitMs(), MS_DECIMALS);
            decimal("meanQueueLength", s.meanQueueLength(), MS_DECIMALS);
            integer("maxQueueLength", s.maxQueueLength());
            integer("handled", s.handled());
            integer("errors", s.errors());
            decimal("blockedMs", s.blockedMs(), MS_DECIMALS);
            decimal("busyMs", s.busyMs(), MS_DECIMALS);
            integer("taken", s.taken());
            integer("dropped", s.dropped());
            integer("workLost", s.workLost());
            integer("duplicates", s.duplicates());
            integer("duplicatesSkipped", s.duplicatesSkipped());
            integer("staleCalls", s.staleCalls());
            if (entry.getKey() == ServiceId.DELIVERY) {
                latency("agentWaitMs", s.agentWaitMs());
                integer("maxAgentQueue", s.maxAgentQueue());
            }
            close();
        }
        close();
        open("links");
        for (Map.Entry<LinkId, Report.Link> entry : r.links().entrySet()) {
            Report.Link l = entry.getValue();
            open(entry.getKey().key());
            integer("messages", l.messages());
            integer("lost", l.lost());
            integer("timeouts", l.timeouts());
            integer("lateReplies", l.lateReplies());
            integer("refused", l.refused());
            integer("retries", l.retries());
            integer("callsRejected", l.callsRejected());
            integer("callsNotRouted", l.callsNotRouted());
            integer("breakerOpened", l.breakerOpened());
            integer("redelivered", l.redelivered());
            integer("deadLettered", l.deadLettered());
            integer("acks", l.acks());
            integer("lateAcks", l.lateAcks());
            integer("eventsMissed", l.eventsMissed());
            latency("latencyMs", l.latencyMs());
            close();
        }
        close();
        close();
    }

    private void latency(String name, Report.Latency l) {
        open(name);
        integer("count", l.count());
        decimal("mean", l.mean(), MS_DECIMALS);
        decimal("p50", l.p50(), MS_DECIMALS);
        decimal("p95", l.p95(), MS_DECIMALS);
        decimal("p99", l.p99(), MS_DECIMALS);
        decimal("max", l.max(), MS_DECIMALS);
        close();
    }

    private void open(String name) {
        if (name != null) {
            field(name);
        }
        out.append('{');
        depth++;
        firstInObject = true;
    }

    private void close() {
        depth--;
        newline();
        out.append('}');
        firstInObject = false;
    }

    private void string(String name, String value) {
        field(name);
        JsonText.appendString(out, value);
    }

    private void integer(String name, long value) {
        field(name);
        out.append(value);
    }

    private void decimal(String name, double value, int decimals) {
        field(name);
        JsonText.appendNumber(out, value, decimals);
    }

    private void field(String name) {
        if (!firstInObject) {
            out.append(',');
        }
        firstInObject = false;
        newline();
        JsonText.appendString(out, name);
        out.append(": ");
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
