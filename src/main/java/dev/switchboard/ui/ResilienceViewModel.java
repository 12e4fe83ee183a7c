package dev.switchboard.ui;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The resilience settings for the controls: retries, circuit breaker, bulkhead and stock-check
 * fallback of sync links; acknowledgements, delivery limit, overflow, TTL, durability and capacity
 * of queue and event links; poison rate and idempotency of consumers. Current values come only
 * from the trace (LinkChanged, ServiceChanged); each change becomes one {@link Command}.
 */
public final class ResilienceViewModel implements RunListener {
    /** Retries a link gets when switched on before it ever had any: 3 attempts, 100 ms ×2, 20% jitter. */
    public static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(3, RetryPolicy.DEFAULT_BASE_DELAY_MS,
            RetryPolicy.DEFAULT_MULTIPLIER, RetryPolicy.DEFAULT_JITTER);
    /** A bulkhead switched on before the link ever had one: 2 calls at once, the rest rejected. */
    public static final BulkheadPolicy DEFAULT_BULKHEAD = new BulkheadPolicy(2, false, 500);
    /** The capacity slider's far right, which means no limit. */
    public static final int CAPACITY_SLIDER_MAX = 101;

    private final PlaybackViewModel playback;
    private final Map<LinkId, LinkSpec> links = new EnumMap<>(LinkId.class);
    private final Map<ServiceId, ServiceSpec> services = new EnumMap<>(ServiceId.class);
    private final Map<LinkId, RetryPolicy> lastRetry = new EnumMap<>(LinkId.class);
    private final Map<LinkId, BreakerPolicy> lastBreaker = new EnumMap<>(LinkId.class);
    private final Map<LinkId, BulkheadPolicy> lastBulkhead = new EnumMap<>(LinkId.class);
    private final Map<LinkId, ReadOnlyObjectWrapper<SyncResilience>> shown = new EnumMap<>(LinkId.class);

    public ResilienceViewModel(PlaybackViewModel playback) {
        this.playback = Objects.requireNonNull(playback, "playback");
        for (LinkId id : LinkId.values()) {
            shown.put(id, new ReadOnlyObjectWrapper<>(this, "resilience-" + id.key()));
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.LinkChanged changed) {
            LinkSpec spec = changed.settings();
            links.put(changed.link(), spec);
            if (spec.retry().enabled()) {
                lastRetry.put(changed.link(), spec.retry());
            }
            if (spec.breaker() != null) {
                lastBreaker.put(changed.link(), spec.breaker());
            }
            if (spec.bulkhead() != null) {
                lastBulkhead.put(changed.link(), spec.bulkhead());
            }
            shown.get(changed.link()).set(shownFor(changed.link(), spec));
        } else if (event instanceof TraceEvent.ServiceChanged changed) {
            services.put(changed.service(), changed.settings());
        }
    }

    @Override
    public void runReset(Flow flow) {
        links.clear();
        services.clear();
        lastRetry.clear();
        lastBreaker.clear();
        lastBulkhead.clear();
    }

    /** What the resilience controls of {@code link} show; null until the run announced the link. */
    public ReadOnlyObjectProperty<SyncResilience> syncProperty(LinkId link) {
        return shown.get(link).getReadOnlyProperty();
    }

    private SyncResilience shownFor(LinkId link, LinkSpec spec) {
        return new SyncResilience(spec.retry().enabled(), lastRetry.getOrDefault(link, DEFAULT_RETRY),
                spec.breaker() != null, lastBreaker.getOrDefault(link, BreakerPolicy.defaults()),
                spec.bulkhead() != null, lastBulkhead.getOrDefault(link, DEFAULT_BULKHEAD), spec.fallback());
    }

    private SyncResilience current(LinkId link) {
        SyncResilience now = shown.get(link).get();
        return now != null ? now : new SyncResilience(false, DEFAULT_RETRY, false, BreakerPolicy.defaults(),
                false, DEFAULT_BULKHEAD, StockFallback.FAIL);
    }

    // ------------------------------------------------------------ retries

    public boolean setRetryOn(LinkId link, boolean on) {
        RetryPolicy retry = current(link).retry();
        return playback.submit(() -> new Command.SetRetry(link, on ? retry : RetryPolicy.NONE));
    }

    /** All attempts, the first included; 1 switches retries off. */
    public boolean setRetryAttempts(LinkId link, int maxAttempts) {
        RetryPolicy r = current(link).retry();
        return playback.submit(() -> new Command.SetRetry(link,
                new RetryPolicy(maxAttempts, r.baseDelayMs(), r.multiplier(), r.jitter())));
    }

    public boolean setRetryBaseDelay(LinkId link, double baseDelayMs) {
        RetryPolicy r = current(link).retry();
        return playback.submit(() -> new Command.SetRetry(link,
                new RetryPolicy(r.maxAttempts(), baseDelayMs, r.multiplier(), r.jitter())));
    }

    public boolean setRetryMultiplier(LinkId link, double multiplier) {
        RetryPolicy r = current(link).retry();
        return playback.submit(() -> new Command.SetRetry(link,
                new RetryPolicy(r.maxAttempts(), r.baseDelayMs(), multiplier, r.jitter())));
    }

    public boolean setRetryJitter(LinkId link, double jitter) {
        RetryPolicy r = current(link).retry();
        return playback.submit(() -> new Command.SetRetry(link,
                new RetryPolicy(r.maxAttempts(), r.baseDelayMs(), r.multiplier(), jitter)));
    }

    // ------------------------------------------------------------ circuit breaker

    public boolean setBreakerOn(LinkId link, boolean on) {
        BreakerPolicy breaker = current(link).breaker();
        return playback.submit(() -> new Command.SetBreaker(link, on ? breaker : null));
    }

    public boolean setBreakerThreshold(LinkId link, double failureRateThreshold) {
        BreakerPolicy b = current(link).breaker();
        return playback.submit(() -> new Command.SetBreaker(link, new BreakerPolicy(failureRateThreshold,
                b.windowSize(), b.minimumCalls(), b.openMs(), b.halfOpenCalls())));
    }

    /** A window smaller than the minimum number of calls takes the minimum down with it. */
    public boolean setBreakerWindow(LinkId link, int windowSize) {
        BreakerPolicy b = current(link).breaker();
        return playback.submit(() -> new Command.SetBreaker(link, new BreakerPolicy(b.failureRateThreshold(),
                windowSize, Math.min(b.minimumCalls(), Math.max(1, windowSize)), b.openMs(), b.halfOpenCalls())));
    }

    /** Refused (a message in the status bar) when above the window size. */
    public boolean setBreakerMinimumCalls(LinkId link, int minimumCalls) {
        BreakerPolicy b = current(link).breaker();
        if (b != null && (minimumCalls < 1 || minimumCalls > b.windowSize())) {
            return playback.refuse("The breaker can wait for at most as many calls as its window remembers ("
                    + b.windowSize() + "), so it cannot wait for " + minimumCalls
                    + " before judging. Widen the window first.");
        }
        return playback.submit(() -> new Command.SetBreaker(link, new BreakerPolicy(b.failureRateThreshold(),
                b.windowSize(), minimumCalls, b.openMs(), b.halfOpenCalls())));
    }

    public boolean setBreakerOpenMs(LinkId link, double openMs) {
        BreakerPolicy b = current(link).breaker();
        return playback.submit(() -> new Command.SetBreaker(link, new BreakerPolicy(b.failureRateThreshold(),
                b.windowSize(), b.minimumCalls(), openMs, b.halfOpenCalls())));
    }

    public boolean setBreakerHalfOpenCalls(LinkId link, int halfOpenCalls) {
        BreakerPolicy b = current(link).breaker();
        return playback.submit(() -> new Command.SetBreaker(link, new BreakerPolicy(b.failureRateThreshold(),
                b.windowSize(), b.minimumCalls(), b.openMs(), halfOpenCalls)));
    }

    // ------------------------------------------------------------ bulkhead

    public boolean setBulkheadOn(LinkId link, boolean on) {
        BulkheadPolicy bulkhead = current(link).bulkhead();
        return playback.submit(() -> new Command.SetBulkhead(link, on ? bulkhead : null));
    }

    public boolean setBulkheadMaxConcurrent(LinkId link, int maxConcurrent) {
        BulkheadPolicy b = current(link).bulkhead();
        return playback.submit(() -> new Command.SetBulkhead(link, new BulkheadPolicy(maxConcurrent, b.waits(), b.maxWaitMs())));
    }

    /** Whether calls beyond the limit wait for a place ({@code true}) or are rejected at once. */
    public boolean setBulkheadWaits(LinkId link, boolean waits) {
        BulkheadPolicy b = current(link).bulkhead();
        return playback.submit(() -> new Command.SetBulkhead(link, new BulkheadPolicy(b.maxConcurrent(), waits, b.maxWaitMs())));
    }

    public boolean setBulkheadMaxWait(LinkId link, double maxWaitMs) {
        BulkheadPolicy b = current(link).bulkhead();
        return playback.submit(() -> new Command.SetBulkhead(link, new BulkheadPolicy(b.maxConcurrent(), b.waits(), maxWaitMs)));
    }

    public boolean setStockFallback(StockFallback fallback) {
        return playback.submit(() -> new Command.SetStockFallback(fallback));
    }

    // ------------------------------------------------------------ queue and event delivery

    /** The delivery settings of a queue or event link as the trace last reported them. */
    public DeliveryPolicy delivery(LinkId link) {
        LinkSpec spec = links.get(link);
        return spec == null ? DeliveryPolicy.DEFAULTS : spec.delivery();
    }

    private boolean changeDelivery(LinkId link, UnaryOperator<DeliveryPolicy> change) {
        DeliveryPolicy from = delivery(link);
        return playback.submit(() -> new Command.SetDeliveryPolicy(link, change.apply(from)));
    }

    public boolean setAcks(LinkId link, boolean on) {
        return changeDelivery(link, d -> d.withAcks(on));
    }

    public boolean setMaxDeliveries(LinkId link, int maxDeliveries) {
        return changeDelivery(link, d -> d.withMaxDeliveries(maxDeliveries));
    }

    public boolean setAckTimeout(LinkId link, double ackTimeoutMs) {
        return changeDelivery(link, d -> d.withAckTimeoutMs(ackTimeoutMs));
    }

    public boolean setOverflow(LinkId link, OverflowPolicy overflow) {
        return changeDelivery(link, d -> d.withOverflow(overflow));
    }

    /** 0 means messages never expire. */
    public boolean setMessageTtl(LinkId link, double messageTtlMs) {
        return changeDelivery(link, d -> d.withMessageTtlMs(messageTtlMs));
    }

    public boolean setDurable(LinkId link, boolean durable) {
        return changeDelivery(link, d -> d.withDurable(durable));
    }

    public boolean setCapacity(LinkId link, int capacity) {
        return playback.submit(() -> new Command.SetQueueCapacity(link, capacity));
    }

    /** The capacity a slider position means: its far right is no limit. */
    public static int capacityFromSlider(double value) {
        long rounded = Math.round(value);
        return rounded >= CAPACITY_SLIDER_MAX ? LinkSpec.UNLIMITED : (int) Math.max(1, rounded);
    }

    /** The slider position that shows {@code capacity}: a limit beyond the slider sits at its far right. */
    public static double capacityToSlider(int capacity) {
        return capacity >= CAPACITY_SLIDER_MAX ? CAPACITY_SLIDER_MAX : capacity;
    }

    public static String capacityText(int capacity) {
        return capacity == LinkSpec.UNLIMITED ? "unlimited" : String.valueOf(capacity);
    }

    // ------------------------------------------------------------ consumers

    public boolean setPoisonRate(ServiceId service, double poisonRate) {
        return playback.submit(() -> new Command.SetPoisonRate(service, poisonRate));
    }

    public boolean setIdempotent(ServiceId service, boolean idempotent) {
        return playback.submit(() -> new Command.SetIdempotent(service, idempotent));
    }

    /** The commands that bring every resilience setting back to {@code target}'s. */
    List<Command> commandsBackTo(Flow target) {
        List<Command> commands = new ArrayList<>();
        for (LinkId id : LinkId.values()) {
            LinkSpec now = links.get(id);
            LinkSpec want = target.link(id);
            if (now == null) {
                continue;
            }
            if (!now.retry().equals(want.retry())) {
                commands.add(new Command.SetRetry(id, want.retry()));
            }
            if (!Objects.equals(now.breaker(), want.breaker())) {
                commands.add(new Command.SetBreaker(id, want.breaker()));
            }
            if (!Objects.equals(now.bulkhead(), want.bulkhead())) {
                commands.add(new Command.SetBulkhead(id, want.bulkhead()));
            }
            if (id == LinkId.ORDER_INVENTORY && now.fallback() != want.fallback()) {
                commands.add(new Command.SetStockFallback(want.fallback()));
            }
            if (id != LinkId.ORDER_INVENTORY && !now.delivery().equals(want.delivery())) {
                commands.add(new Command.SetDeliveryPolicy(id, want.delivery()));
            }
            if (now.capacity() != want.capacity()) {
                commands.add(new Command.SetQueueCapacity(id, want.capacity()));
            }
        }
        for (ServiceId id : ServiceId.values()) {
            ServiceSpec now = services.get(id);
            ServiceSpec want = target.service(id);
            if (now == null) {
                continue;
            }
            if (now.poisonRate() != want.poisonRate()) {
                commands.add(new Command.SetPoisonRate(id, want.poisonRate()));
            }
            if (now.idempotent() != want.idempotent()) {
                commands.add(new Command.SetIdempotent(id, want.idempotent()));
            }
        }
        return commands;
    }
}
