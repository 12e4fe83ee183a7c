package dev.switchboard.compare;

import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;

import java.util.Objects;

/**
 * What one side's {@link Metrics} say at a moment: its report (as the runner prints it) and the
 * Order workers blocked on a sync call right now and at the worst moment so far, which the report
 * does not carry.
 */
public record SideFigures(Report report, int orderWorkersBlockedNow, int orderWorkersBlockedMost) {

    public SideFigures {
        Objects.requireNonNull(report, "report");
    }

    public static SideFigures of(Metrics metrics) {
        return new SideFigures(metrics.report(), metrics.blockedWorkersNow(ServiceId.ORDER),
                metrics.mostBlockedWorkers(ServiceId.ORDER));
    }
}
