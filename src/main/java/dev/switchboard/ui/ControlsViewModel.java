package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live settings of the run for the controls panel. It shows each link's and service's current
 * settings as the trace reports them (LinkChanged, ServiceChanged) and turns a control's new value
 * into the matching {@link Command}, applied at the current virtual time through the playback; the
 * issue-4 mechanisms are in its {@link #resilience()} and {@link #discovery()} view models.
 */
public final class ControlsViewModel implements RunListener {
    private final PlaybackViewModel playback;
    private final Map<LinkId, ReadOnlyObjectWrapper<LinkSpec>> links = new EnumMap<>(LinkId.class);
    private final Map<ServiceId, ReadOnlyObjectWrapper<ServiceSpec>> services = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, ReadOnlyBooleanWrapper> up = new EnumMap<>(ServiceId.class);
    private final ResilienceViewModel resilience;
    private final DiscoveryViewModel discovery;
    private Flow flow;

    public ControlsViewModel(PlaybackViewModel playback) {
        this.playback = Objects.requireNonNull(playback, "playback");
        this.resilience = new ResilienceViewModel(playback);
        this.discovery = new DiscoveryViewModel(playback);
        for (LinkId id : LinkId.values()) {
            links.put(id, new ReadOnlyObjectWrapper<>(this, "link-" + id.key()));
        }
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new ReadOnlyObjectWrapper<>(this, "service-" + id.key()));
            up.put(id, new ReadOnlyBooleanWrapper(this, "up-" + id.key(), true));
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        // The sub-models first, so a view that reacts to this model's properties reads theirs up to date.
        resilience.onEvent(event);
        discovery.onEvent(event);
        if (event instanceof TraceEvent.LinkChanged changed) {
            links.get(changed.link()).set(changed.settings());
        } else if (event instanceof TraceEvent.ServiceChanged changed) {
            services.get(changed.service()).set(changed.settings());
            up.get(changed.service()).set(changed.up());
        }
    }

    @Override
    public void runReset(Flow newFlow) {
        this.flow = newFlow;
        resilience.runReset(newFlow);
        discovery.runReset(newFlow);
    }

    /** Retries, breakers, bulkheads, fallback, delivery and consumer settings. */
    public ResilienceViewModel resilience() {
        return resilience;
    }

    /** Instances and the service registry. */
    public DiscoveryViewModel discovery() {
        return discovery;
    }

    public ReadOnlyObjectProperty<LinkSpec> linkProperty(LinkId id) {
        return links.get(id).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServiceSpec> serviceProperty(ServiceId id) {
        return services.get(id).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty upProperty(ServiceId id) {
        return up.get(id).getReadOnlyProperty();
    }

    public boolean setLatency(LinkId link, double meanMs, double jitterMs) {
        LinkSpec current = links.get(link).get();
        Distribution from = current == null ? Distribution.ZERO : current.latencyMs();
        return playback.submit(() -> new Command.SetLinkLatency(link, latency(from, meanMs, jitterMs)));
    }

    public boolean setLossRate(LinkId link, double lossRate) {
        return playback.submit(() -> new Command.SetLinkLoss(link, lossRate));
    }

    public boolean setTimeout(LinkId link, double timeoutMs) {
        return playback.submit(() -> new Command.SetLinkTimeout(link, timeoutMs));
    }

    public boolean setStyle(LinkId link, LinkStyle style) {
        return playback.submit(() -> new Command.SetLinkStyle(link, style));
    }

    public boolean setErrorRate(ServiceId service, double errorRate) {
        return playback.submit(() -> new Command.SetErrorRate(service, errorRate));
    }

    public boolean setDown(ServiceId service, boolean down) {
        return playback.submit(() -> new Command.SetServiceDown(service, down));
    }

    public boolean setSlowdown(ServiceId service, double factor) {
        return playback.submit(() -> new Command.SetSlowdown(service, factor));
    }

    public boolean setWorkers(ServiceId service, int workers) {
        return playback.submit(() -> new Command.SetWorkers(service, workers));
    }

    /** Sets the kitchen's preparation time to {@code meanMs}, keeping the shape of its distribution. */
    public boolean setPreparationTime(double meanMs) {
        ServiceSpec current = services.get(ServiceId.KITCHEN).get();
        Distribution from = current == null ? Distribution.ZERO : current.workMs();
        return playback.submit(() -> new Command.SetWorkTime(ServiceId.KITCHEN, withMean(from, meanMs)));
    }

    public boolean setStockOutRate(double stockOutRate) {
        return playback.submit(() -> new Command.SetStockOutRate(stockOutRate));
    }

    public boolean setAgents(int agents) {
        return playback.submit(() -> new Command.SetAgents(agents));
    }

    /**
     * Puts every setting the controls can change back to the flow's own value, as one command per
     * setting that differs now; returns how many commands were applied.
     */
    public int resetToFlow() {
        if (flow == null) {
            return 0;
        }
        List<Command> commands = commandsBackTo(flow);
        int applied = 0;
        for (Command command : commands) {
            if (playback.submit(() -> command)) {
                applied++;
            }
        }
        if (commands.isEmpty()) {
            playback.showStatus("Every setting already has the flow's own value.");
        }
        return applied;
    }

    /** The commands that bring the current settings back to {@code target}'s. */
    List<Command> commandsBackTo(Flow target) {
        List<Command> commands = new ArrayList<>();
        for (LinkId id : LinkId.values()) {
            LinkSpec now = links.get(id).get();
            LinkSpec want = target.link(id);
            if (now == null) {
                continue;
            }
            if (now.style() != want.style()) {
                commands.add(new Command.SetLinkStyle(id, want.style()));
            }
            if (!now.latencyMs().equals(want.latencyMs())) {
                commands.add(new Command.SetLinkLatency(id, want.latencyMs()));
            }
            if (now.lossRate() != want.lossRate()) {
                commands.add(new Command.SetLinkLoss(id, want.lossRate()));
            }
            if (now.timeoutMs() != want.timeoutMs()) {
                commands.add(new Command.SetLinkTimeout(id, want.timeoutMs()));
            }
        }
        for (ServiceId id : ServiceId.values()) {
            ServiceSpec now = services.get(id).get();
            ServiceSpec want = target.service(id);
            if (now == null) {
                continue;
            }
            if (!up.get(id).get()) {
                commands.add(new Command.SetServiceDown(id, false));
            }
            if (now.errorRate() != want.errorRate()) {
                commands.add(new Command.SetErrorRate(id, want.errorRate()));
            }
            if (now.slowdown() != want.slowdown()) {
                commands.add(new Command.SetSlowdown(id, want.slowdown()));
            }
            if (now.workers() != want.workers() && want.workers() >= 1) {
                commands.add(new Command.SetWorkers(id, want.workers()));
            }
            if (!now.workMs().equals(want.workMs())) {
                commands.add(new Command.SetWorkTime(id, want.workMs()));
            }
            if (id == ServiceId.INVENTORY && now.stockOutRate() != want.stockOutRate()) {
                commands.add(new Command.SetStockOutRate(want.stockOutRate()));
            }
            if (id == ServiceId.DELIVERY && now.agents() != want.agents() && want.agents() >= 1) {
                commands.add(new Command.SetAgents(want.agents()));
            }
        }
        commands.addAll(resilience.commandsBackTo(target));
        Map<ServiceId, Boolean> serviceUpNow = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            serviceUpNow.put(id, up.get(id).get());
        }
        commands.addAll(discovery.commandsBackTo(target, serviceUpNow));
        return commands;
    }

    /** The mean of a latency distribution, which the latency slider shows. */
    public static double latencyMean(Distribution latency) {
        return latency.meanMs();
    }

    /** The spread the jitter slider shows: half the width of a uniform, the deviation of a normal, else 0. */
    public static double latencyJitter(Distribution latency) {
        if (latency instanceof Distribution.Uniform u) {
            return (u.maxMs() - u.minMs()) / 2;
        }
        if (latency instanceof Distribution.Normal n) {
            return n.stddevMs();
        }
        return 0;
    }

    /**
     * The latency for a mean and a jitter: a normal one stays normal; otherwise fixed without
     * jitter and uniform over mean ± jitter (never below 0) with it.
     */
    public static Distribution latency(Distribution current, double meanMs, double jitterMs) {
        if (current instanceof Distribution.Normal) {
            return new Distribution.Normal(meanMs, jitterMs);
        }
        if (jitterMs <= 0) {
            return new Distribution.Fixed(meanMs);
        }
        return new Distribution.Uniform(Math.max(0, meanMs - jitterMs), meanMs + jitterMs);
    }

    /** {@code current} scaled to a new mean, so a uniform 300–900 ms becomes 150–450 ms at a mean of 300. */
    public static Distribution withMean(Distribution current, double meanMs) {
        double oldMean = current.meanMs();
        if (current instanceof Distribution.Exponential) {
            return new Distribution.Exponential(meanMs);
        }
        if (oldMean <= 0 || current instanceof Distribution.Fixed) {
            return new Distribution.Fixed(meanMs);
        }
        double factor = meanMs / oldMean;
        if (current instanceof Distribution.Uniform u) {
            return new Distribution.Uniform(u.minMs() * factor, u.maxMs() * factor);
        }
        if (current instanceof Distribution.Normal n) {
            return new Distribution.Normal(meanMs, n.stddevMs() * factor);
        }
        return new Distribution.Fixed(meanMs);
    }
}
