package dev.switchboard.flow;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.sim.Distribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one link of a flow file: its style and network, the mechanisms that act while it is sync
 * (retry, circuit breaker, bulkhead, the stock check's fallback) and how the broker delivers while
 * it is a queue or an event subscription. Which fields a link takes follows from the styles it can have.
 */
final class LinkReader {

    static final List<String> LINK_FIELDS = List.of("style", "latencyMs", "lossRate", "timeoutMs");
    static final List<String> SYNC_FIELDS = List.of("retry", "circuitBreaker", "bulkhead");
    static final List<String> STOCK_CHECK_FIELDS = List.of("fallback");
    static final List<String> BROKER_FIELDS = List.of("capacity", "acks", "maxDeliveries", "ackTimeoutMs", "overflow", "messageTtlMs");
    static final List<String> SUBSCRIPTION_FIELDS = List.of("durable");
    static final List<String> RETRY_FIELDS = List.of("maxAttempts", "baseDelayMs", "multiplier", "jitter");
    static final List<String> BREAKER_FIELDS = List.of("failureRateThreshold", "windowSize", "minimumCalls", "openMs", "halfOpenCalls");
    static final List<String> BULKHEAD_FIELDS = List.of("maxConcurrent", "policy", "maxWaitMs");

    static final List<String> STYLE_NAMES = Arrays.stream(LinkStyle.values()).map(LinkStyle::key).toList();
    static final List<String> BULKHEAD_POLICIES = List.of("reject", "wait");
    static final List<String> FALLBACK_NAMES = Arrays.stream(StockFallback.values()).map(StockFallback::key).toList();
    static final List<String> OVERFLOW_NAMES = Arrays.stream(OverflowPolicy.values()).map(OverflowPolicy::key).toList();

    private final ValueReader values;

    LinkReader(ValueReader values) {
        this.values = values;
    }

    LinkSpec link(LinkId id, JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, "field", allowedFields(id), fieldsOfOtherLinks(id));
        LinkSpec d = LinkSpec.defaults(id);
        LinkStyle style = d.style();
        if (f.has("style")) {
            String key = values.keyword(f.get("style").get(), f.pathOf("style"), "link style", STYLE_NAMES);
            style = LinkStyle.fromKey(key).orElseThrow();
            if (!id.allows(style)) {
                throw f.errorAt("style", id.key() + (id.allowedStyles().size() == 1 ? " can only be " : " can be ")
                        + styles(id) + ", not " + key);
            }
        }
        LinkStyle chosenStyle = style;
        Distribution latencyMs = f.distribution("latencyMs").orElse(d.latencyMs());
        double lossRate = f.number("lossRate").orElse(d.lossRate());
        double timeoutMs = f.number("timeoutMs").orElse(d.timeoutMs());
        int capacity = f.integer("capacity").orElse(d.capacity());
        RetryPolicy retry = f.read("retry", this::retry).orElse(d.retry());
        BreakerPolicy breaker = f.read("circuitBreaker", this::breaker).orElse(d.breaker());
        BulkheadPolicy bulkhead = f.read("bulkhead", this::bulkhead).orElse(d.bulkhead());
        StockFallback fallback = f.keyword("fallback", "fallback", FALLBACK_NAMES)
                .map(key -> StockFallback.fromKey(key).orElseThrow()).orElse(d.fallback());
        DeliveryPolicy delivery = delivery(f, d.delivery());
        return f.build(() -> new LinkSpec(chosenStyle, latencyMs, lossRate, timeoutMs, capacity, retry, breaker, bulkhead,
                fallback, delivery));
    }

    /** The fields a link takes: the common ones, then those of each style it can have. */
    static List<String> allowedFields(LinkId id) {
        List<String> allowed = new ArrayList<>(LINK_FIELDS);
        for (Group group : GROUPS) {
            if (group.appliesTo.test(id)) {
                allowed.addAll(group.fields);
            }
        }
        return allowed;
    }

    /** For each field another link takes but this one does not, the sentence that says where it belongs. */
    private static Map<String, String> fieldsOfOtherLinks(LinkId id) {
        Map<String, String> notHere = new LinkedHashMap<>();
        for (Group group : GROUPS) {
            if (group.appliesTo.test(id)) {
                continue;
            }
            String owners = Arrays.stream(LinkId.values()).filter(group.appliesTo).map(LinkId::key)
                    .collect(Collectors.joining(" and "));
            for (String field : group.fields) {
                notHere.put(field, field + " is a setting of " + owners + " only, not of " + id.key());
            }
        }
        return notHere;
    }

    /** Fields that belong together and the links that take them. */
    private record Group(List<String> fields, Predicate<LinkId> appliesTo) { }

    private static final List<Group> GROUPS = List.of(
            new Group(SYNC_FIELDS, id -> id.allows(LinkStyle.SYNC)),
            new Group(STOCK_CHECK_FIELDS, id -> id == LinkId.ORDER_INVENTORY),
            new Group(BROKER_FIELDS, id -> id.allows(LinkStyle.QUEUE) || id.allows(LinkStyle.EVENT)),
            new Group(SUBSCRIPTION_FIELDS, id -> id.allows(LinkStyle.EVENT)));

    /** The styles a link can take, its default first: "queue or sync". */
    private static String styles(LinkId id) {
        return Stream.concat(Stream.of(id.defaultStyle()),
                        Arrays.stream(LinkStyle.values()).filter(s -> s != id.defaultStyle() && id.allows(s)))
                .map(LinkStyle::key).collect(Collectors.joining(" or "));
    }

    RetryPolicy retry(JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, RETRY_FIELDS);
        int maxAttempts = f.integer("maxAttempts").orElse(RetryPolicy.DEFAULT_MAX_ATTEMPTS);
        double baseDelayMs = f.number("baseDelayMs").orElse(RetryPolicy.DEFAULT_BASE_DELAY_MS);
        double multiplier = f.number("multiplier").orElse(RetryPolicy.DEFAULT_MULTIPLIER);
        double jitter = f.number("jitter").orElse(RetryPolicy.DEFAULT_JITTER);
        return f.build(() -> new RetryPolicy(maxAttempts, baseDelayMs, multiplier, jitter));
    }

    BreakerPolicy breaker(JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, BREAKER_FIELDS);
        BreakerPolicy d = BreakerPolicy.defaults();
        double threshold = f.number("failureRateThreshold").orElse(d.failureRateThreshold());
        int windowSize = f.integer("windowSize").orElse(d.windowSize());
        int minimumCalls = f.integer("minimumCalls").orElse(d.minimumCalls());
        double openMs = f.number("openMs").orElse(d.openMs());
        int halfOpenCalls = f.integer("halfOpenCalls").orElse(d.halfOpenCalls());
        if (f.has("windowSize") && !f.has("minimumCalls") && windowSize >= 1 && windowSize < minimumCalls) {
            // The record's own message would blame minimumCalls, which the file does not mention.
            throw f.errorAt("windowSize", "a window of " + windowSize + " calls is smaller than the default minimumCalls ("
                    + minimumCalls + "); give \"minimumCalls\" of at most " + windowSize + " too");
        }
        return f.build(() -> new BreakerPolicy(threshold, windowSize, minimumCalls, openMs, halfOpenCalls));
    }

    BulkheadPolicy bulkhead(JsonValue value, String path) throws FlowException {
        ObjectFields f = values.object(value, path, BULKHEAD_FIELDS);
        int maxConcurrent = values.integer(f.require("maxConcurrent", "2"), f.pathOf("maxConcurrent"));
        boolean waits = f.keyword("policy", "bulkhead policy", BULKHEAD_POLICIES).map("wait"::equals).orElse(false);
        double maxWaitMs = f.number("maxWaitMs").orElse(0);
        BulkheadPolicy policy = f.build(() -> new BulkheadPolicy(maxConcurrent, waits, maxWaitMs));
        if (waits && maxWaitMs == 0) {
            // A wait of 0 ms refuses at once, which is "reject"; the file most likely forgot how long.
            if (f.has("maxWaitMs")) {
                throw f.errorAt("maxWaitMs", "must be > 0 with \"policy\": \"wait\" (a wait of 0 ms refuses at once,"
                        + " as \"reject\" does)");
            }
            throw f.errorAtObject(f.pathOf("maxWaitMs"), "missing field \"maxWaitMs\", needed with \"policy\": \"wait\","
                    + " e.g. \"maxWaitMs\": 500");
        }
        return policy;
    }

    /** The fields of a broker's delivery settings when they stand in an object of their own (a command's "delivery"). */
    static final List<String> DELIVERY_FIELDS = List.of("acks", "maxDeliveries", "ackTimeoutMs", "overflow", "messageTtlMs",
            "durable");

    /** Delivery settings as an object of their own, fields left out taking {@link DeliveryPolicy#DEFAULTS}' values. */
    DeliveryPolicy deliveryPolicy(JsonValue value, String path) throws FlowException {
        return delivery(values.object(value, path, DELIVERY_FIELDS), DeliveryPolicy.DEFAULTS);
    }

    /** The broker's delivery settings, written directly on the link. */
    private DeliveryPolicy delivery(ObjectFields f, DeliveryPolicy d) throws FlowException {
        boolean acks = f.bool("acks").orElse(d.acks());
        int maxDeliveries = f.integer("maxDeliveries").orElse(d.maxDeliveries());
        double ackTimeoutMs = f.number("ackTimeoutMs").orElse(d.ackTimeoutMs());
        OverflowPolicy overflow = f.keyword("overflow", "overflow policy", OVERFLOW_NAMES)
                .map(key -> OverflowPolicy.fromKey(key).orElseThrow()).orElse(d.overflow());
        double messageTtlMs = f.number("messageTtlMs").orElse(d.messageTtlMs());
        boolean durable = f.bool("durable").orElse(d.durable());
        return f.build(() -> new DeliveryPolicy(acks, maxDeliveries, ackTimeoutMs, overflow, messageTtlMs, durable));
    }
}
