package dev.switchboard.ui.diagram;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.LinkId;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The links' settings and their guards: breaker state, bulkhead places, retries and refusals. */
final class LinkGuards implements Projection {
    private static final java.util.Set<Class<? extends TraceEvent>> READS = java.util.Set.of(
            TraceEvent.BreakerChanged.class, TraceEvent.BulkheadChanged.class, TraceEvent.CallRejected.class,
            TraceEvent.LinkChanged.class, TraceEvent.RetryScheduled.class);
    private final Map<LinkId, LinkStatus> links = new EnumMap<>(LinkId.class);
    private final Map<LinkId, Guard> guards = new EnumMap<>(LinkId.class);

    private static final class Guard {
        BreakerState breaker;
        long retries;
        long refused;
        int bulkheadInUse;
        int bulkheadMax;
        int bulkheadWaiting;
    }

    LinkGuards() {
        for (LinkId id : LinkId.values()) {
            links.put(id, new LinkStatus(id, LinkSpec.defaults(id)));
            guards.put(id, new Guard());
        }
    }

    @Override
    public java.util.Set<Class<? extends TraceEvent>> reads() {
        return READS;
    }

    @Override
    public void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.LinkChanged c) {
            links.put(c.link(), new LinkStatus(c.link(), c.settings()));
            Guard g = guards.get(c.link());
            g.breaker = c.breaker();
            boolean bulkhead = c.settings().bulkhead() != null;
            // places are counted while a link has no bulkhead, but there is nothing to draw them on
            g.bulkheadMax = bulkhead ? c.settings().bulkhead().maxConcurrent() : 0;
            g.bulkheadInUse = bulkhead ? c.bulkheadInUse() : 0;
            g.bulkheadWaiting = bulkhead ? c.bulkheadWaiting() : 0;
        } else if (e instanceof TraceEvent.CallRejected r) {
            if (r.reason().byGuard()) {
                guards.get(r.link()).refused++;
            }
        } else if (e instanceof TraceEvent.RetryScheduled r) {
            guards.get(r.link()).retries++;
        } else if (e instanceof TraceEvent.BreakerChanged b) {
            guards.get(b.link()).breaker = b.to();
        } else if (e instanceof TraceEvent.BulkheadChanged b) {
            Guard g = guards.get(b.link());
            g.bulkheadInUse = b.inUse();
            g.bulkheadMax = b.maxConcurrent();
            g.bulkheadWaiting = b.waiting();
        }
    }

    LinkStatus link(LinkId id) {
        return links.get(id);
    }

    CallGuards guards(LinkId id) {
        Guard g = guards.get(id);
        return new CallGuards(id, g.breaker, g.retries, g.refused, g.bulkheadInUse, g.bulkheadMax, g.bulkheadWaiting);
    }

    @Override
    public Object snapshot() {
        List<Object> all = new ArrayList<>();
        for (LinkId id : LinkId.values()) {
            all.add(links.get(id));
            all.add(guards(id));
        }
        return all;
    }
}
