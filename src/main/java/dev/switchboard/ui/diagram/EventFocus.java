package dev.switchboard.ui.diagram;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.LinkScoped;
import dev.switchboard.trace.OrderScoped;
import dev.switchboard.trace.ServiceScoped;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.WorkerScoped;

/**
 * What a trace event is about, for highlighting it when its narration line is selected: a service
 * (and maybe one of its workers), a link, an order. Any part may be absent (null, -1, 0). Read from
 * what the event declares ({@link ServiceScoped}, {@link WorkerScoped}, {@link LinkScoped},
 * {@link OrderScoped}); a command or a scheduled fault is about what it changes.
 */
public record EventFocus(ServiceId service, int worker, LinkId link, long orderId) {

    public static final EventFocus NOTHING = new EventFocus(null, -1, null, 0);

    public static EventFocus of(TraceEvent e) {
        if (e instanceof TraceEvent.CommandApplied c) {
            return of(c.command());
        }
        if (e instanceof TraceEvent.FaultChanged f) {
            return new EventFocus(f.fault().service(), -1, f.fault().link(), 0);
        }
        return declaredBy(e);
    }

    /** What a user's command changes: a link or a service, or nothing on the diagram. */
    static EventFocus of(Command command) {
        return declaredBy(command);
    }

    private static EventFocus declaredBy(Object subject) {
        return new EventFocus(
                subject instanceof ServiceScoped s ? s.service() : null,
                subject instanceof WorkerScoped w ? w.worker() : -1,
                subject instanceof LinkScoped l ? l.link() : null,
                subject instanceof OrderScoped o ? o.orderId() : 0);
    }
}
