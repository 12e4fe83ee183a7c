package dev.switchboard.trace;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.util.Locale;
import java.util.Map;

/** Writes a {@link Report} as aligned plain-text tables for a person at a terminal. */
public final class ReportText {

    private ReportText() {
    }

    public static String write(Report r) {
        StringBuilder out = new StringBuilder(2048);
        line(out, "%s (seed %d): %s ms simulated, %d trace events", r.flow(), r.seed(),
                ms(r.simulatedMs()), r.events());
        out.append('\n');
        Report.Orders o = r.orders();
        line(out, "Orders   placed %d   delivered %d   rejected %d   failed %d   lost %d   dead-lettered %d   in flight %d",
                o.placed(), o.delivered(), o.rejected(), o.failed(), o.lost(), o.deadLettered(), o.inFlight());
        line(out, "         accepted %d   decided by the stock fallback %d   courier trips after the order's fate %d",
                o.accepted(), o.fallbacks(), o.tripsAfterFate());
        out.append('\n');
        line(out, "%-22s %9s %10s %10s %10s %10s %10s", "Latency (ms)", "count", "mean", "p50", "p95", "p99", "max");
        latencyRow(out, "accept (first answer)", r.acceptLatencyMs());
        latencyRow(out, "delivery", r.deliveryLatencyMs());
        latencyRow(out, "wait for an agent", r.services().get(ServiceId.DELIVERY).agentWaitMs());
        out.append('\n');
        line(out, "%-10s %6s %12s %11s %9s %9s %7s %12s %12s %9s %6s %6s", "Service", "util", "wait ms", "mean queue",
                "max queue", "handled", "errors", "busy ms", "blocked ms", "work lost", "dup", "stale");
        for (Map.Entry<ServiceId, Report.Service> e : r.services().entrySet()) {
            Report.Service s = e.getValue();
            line(out, "%-10s %5.1f%% %12s %11s %9d %9d %7d %12s %12s %9d %6d %6d", e.getKey().key(), s.utilization() * 100,
                    ms(s.meanQueueWaitMs()), ms(s.meanQueueLength()), s.maxQueueLength(), s.handled(), s.errors(),
                    ms(s.busyMs()), ms(s.blockedMs()), s.workLost(), s.duplicates(), s.staleCalls());
        }
        int mostWaiting = r.services().get(ServiceId.DELIVERY).maxAgentQueue();
        line(out, "%-10s at most %s waited for a delivery agent at once", "",
                Numbers.count(mostWaiting, "order", "orders"));
        out.append('\n');
        line(out, "%-18s %9s %6s %9s %6s %8s %8s %9s %10s %12s %5s %9s %10s %10s %10s", "Link", "messages", "lost",
                "timeouts", "late", "refused", "retries", "rejected", "no inst.", "redelivered", "DLQ", "late acks",
                "mean ms", "p95 ms", "max ms");
        for (Map.Entry<LinkId, Report.Link> e : r.links().entrySet()) {
            Report.Link l = e.getValue();
            line(out, "%-18s %9d %6d %9d %6d %8d %8d %9d %10d %12d %5d %9d %10s %10s %10s", e.getKey().key(), l.messages(),
                    l.lost(), l.timeouts(), l.lateReplies(), l.refused(), l.retries(), l.callsRejected(),
                    l.callsNotRouted(), l.redelivered(), l.deadLettered(), l.lateAcks(), ms(l.latencyMs().mean()),
                    ms(l.latencyMs().p95()),
                    ms(l.latencyMs().max()));
        }
        return out.toString();
    }

    private static void latencyRow(StringBuilder out, String name, Report.Latency l) {
        line(out, "%-22s %9d %10s %10s %10s %10s %10s", name, l.count(), ms(l.mean()), ms(l.p50()), ms(l.p95()),
                ms(l.p99()), ms(l.max()));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
