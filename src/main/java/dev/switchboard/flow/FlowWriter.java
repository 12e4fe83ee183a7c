package dev.switchboard.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;

import java.io.UncheckedIOException;

/**
 * Writes a {@link Flow} as the canonical text of a flow file: the fields in the order the format
 * documents them, a value left out where it is the default, and every number exact, so that
 * {@link FlowLoader#parse} reads the text back to an equal flow. Pretty-printed with {@code \n} line
 * ends whatever the platform, so the same flow always gives the same bytes.
 *
 * <p>What a file cannot say is not written: a setting of a service or link that the format gives
 * only to others (a kitchen's {@code stockOutRate}, the fallback of a link other than
 * order->inventory) exists only in flows built in code, and the engine does not use it.
 */
public final class FlowWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter PRETTY = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private FlowWriter() {
    }

    /** The flow as the text of a flow file, ending with a line break. */
    public static String write(Flow flow) {
        return text(tree(flow));
    }

    /** Any JSON tree as pretty-printed text in the style of a flow file, ending with a line break. */
    public static String text(JsonNode tree) {
        try {
            return PRETTY.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always writes.
            throw new UncheckedIOException(e);
        }
    }

    /** The flow as a JSON tree, fields in the documented order. */
    public static ObjectNode tree(Flow flow) {
        ObjectNode root = NODES.objectNode();
        root.put("name", flow.name());
        if (!flow.description().isEmpty()) {
            root.put("description", flow.description());
        }
        root.put("seed", flow.seed());
        ObjectNode orders = root.putObject("orders");
        orders.put("count", flow.orders().count());
        orders.set("interarrivalMs", distribution(flow.orders().interarrivalMs()));
        ObjectNode services = NODES.objectNode();
        for (ServiceId id : ServiceId.values()) {
            ObjectNode service = service(id, flow.service(id));
            if (!service.isEmpty()) {
                services.set(id.key(), service);
            }
        }
        if (!services.isEmpty()) {
            root.set("services", services);
        }
        ObjectNode links = NODES.objectNode();
        for (LinkId id : LinkId.values()) {
            ObjectNode link = link(id, flow.link(id));
            if (!link.isEmpty()) {
                links.set(id.key(), link);
            }
        }
        if (!links.isEmpty()) {
            root.set("links", links);
        }
        if (!flow.faults().isEmpty()) {
            ArrayNode faults = root.putArray("faults");
            for (FaultSpec fault : flow.faults()) {
                faults.add(fault(fault));
            }
        }
        if (flow.discovery() != null) {
            root.set("discovery", discovery(flow.discovery()));
        }
        if (!flow.beats().isEmpty()) {
            ArrayNode beats = root.putArray("beats");
            for (BeatSpec beat : flow.beats()) {
                ObjectNode b = beats.addObject();
                b.put("name", beat.name());
                ArrayNode commands = b.putArray("commands");
                for (BeatCommand command : beat.commands()) {
                    commands.add(CommandSyntax.write(command));
                }
            }
        }
        if (!flow.script().isEmpty()) {
            ArrayNode script = root.putArray("script");
            for (ScriptCommand step : flow.script()) {
                ObjectNode s = script.addObject();
                s.set("atMs", number(step.atMs()));
                CommandSyntax.write(step.command(), s);
            }
        }
        return root;
    }

    private static ObjectNode service(ServiceId id, ServiceSpec s) {
        ServiceSpec d = ServiceSpec.defaults();
        ObjectNode node = NODES.objectNode();
        if (s.workers() != d.workers()) {
            node.put("workers", s.workers());
        }
        if (!s.workMs().equals(d.workMs())) {
            node.set("workMs", distribution(s.workMs()));
        }
        putNumber(node, "errorRate", s.errorRate(), d.errorRate());
        putNumber(node, "slowdown", s.slowdown(), d.slowdown());
        if (s.instances() != d.instances()) {
            node.put("instances", s.instances());
        }
        if (id == ServiceId.INVENTORY) {
            putNumber(node, "stockOutRate", s.stockOutRate(), d.stockOutRate());
        }
        if (id == ServiceId.DELIVERY) {
            if (s.agents() != d.agents()) {
                node.put("agents", s.agents());
            }
            if (!s.tripMs().equals(d.tripMs())) {
                node.set("tripMs", distribution(s.tripMs()));
            }
        }
        if (id == ServiceId.KITCHEN || id == ServiceId.DELIVERY) {
            putNumber(node, "poisonRate", s.poisonRate(), d.poisonRate());
            if (s.idempotent() != d.idempotent()) {
                node.put("idempotent", s.idempotent());
            }
        }
        return node;
    }

    private static ObjectNode link(LinkId id, LinkSpec l) {
        LinkSpec d = LinkSpec.defaults(id);
        ObjectNode node = NODES.objectNode();
        if (l.style() != d.style() && id.allows(l.style())) {
            node.put("style", l.style().key());
        }
        if (!l.latencyMs().equals(d.latencyMs())) {
            node.set("latencyMs", distribution(l.latencyMs()));
        }
        putNumber(node, "lossRate", l.lossRate(), d.lossRate());
        putNumber(node, "timeoutMs", l.timeoutMs(), d.timeoutMs());
        if (id.allows(LinkStyle.SYNC)) {
            if (!l.retry().equals(d.retry())) {
                node.set("retry", retry(l.retry()));
            }
            if (l.breaker() != null) {
                node.set("circuitBreaker", breaker(l.breaker()));
            }
            if (l.bulkhead() != null) {
                node.set("bulkhead", bulkhead(l.bulkhead()));
            }
        }
        if (id == LinkId.ORDER_INVENTORY && l.fallback() != d.fallback()) {
            node.put("fallback", l.fallback().key());
        }
        if (id.allows(LinkStyle.QUEUE) || id.allows(LinkStyle.EVENT)) {
            if (l.capacity() != d.capacity()) {
                node.put("capacity", l.capacity());
            }
            DeliveryPolicy p = l.delivery();
            DeliveryPolicy dp = d.delivery();
            if (p.acks() != dp.acks()) {
                node.put("acks", p.acks());
            }
            if (p.maxDeliveries() != dp.maxDeliveries()) {
                node.put("maxDeliveries", p.maxDeliveries());
            }
            putNumber(node, "ackTimeoutMs", p.ackTimeoutMs(), dp.ackTimeoutMs());
            if (p.overflow() != dp.overflow()) {
                node.put("overflow", p.overflow().key());
            }
            putNumber(node, "messageTtlMs", p.messageTtlMs(), dp.messageTtlMs());
            if (id.allows(LinkStyle.EVENT) && p.durable() != dp.durable()) {
                node.put("durable", p.durable());
            }
        }
        return node;
    }

    private static ObjectNode fault(FaultSpec fault) {
        ObjectNode node = NODES.objectNode();
        if (fault.service() != null) {
            node.put("service", fault.service().key());
        } else {
            node.put("link", fault.link().key());
        }
        node.put("kind", fault.kind().key());
        node.set("atMs", number(fault.atMs()));
        node.set("forMs", number(fault.forMs()));
        if (fault.kind() == FaultKind.SLOW) {
            node.set("factor", number(fault.value()));
        } else if (fault.kind() != FaultKind.DOWN) {
            node.set("rate", number(fault.value()));
        }
        if (fault.instance() != FaultSpec.ALL_INSTANCES) {
            // Files count instances from 1.
            node.put("instance", fault.instance() + 1);
        }
        return node;
    }

    /** A distribution in its flow-file form, {@code {"uniform": [300, 900]}}. */
    public static ObjectNode distribution(Distribution d) {
        ObjectNode node = NODES.objectNode();
        if (d instanceof Distribution.Fixed f) {
            node.set("fixed", number(f.valueMs()));
        } else if (d instanceof Distribution.Exponential e) {
            node.set("exponential", number(e.meanMs()));
        } else if (d instanceof Distribution.Uniform u) {
            node.putArray("uniform").add(number(u.minMs())).add(number(u.maxMs()));
        } else if (d instanceof Distribution.Normal n) {
            node.putArray("normal").add(number(n.mean())).add(number(n.stddevMs()));
        } else {
            throw new IllegalArgumentException("no file form for the distribution " + d);
        }
        return node;
    }

    /** Every field written, so the policy reads back the same whatever the defaults of the format. */
    static ObjectNode retry(RetryPolicy r) {
        ObjectNode node = NODES.objectNode();
        node.put("maxAttempts", r.maxAttempts());
        node.set("baseDelayMs", number(r.baseDelayMs()));
        node.set("multiplier", number(r.multiplier()));
        node.set("jitter", number(r.jitter()));
        return node;
    }

    static ObjectNode breaker(BreakerPolicy b) {
        ObjectNode node = NODES.objectNode();
        node.set("failureRateThreshold", number(b.failureRateThreshold()));
        node.put("windowSize", b.windowSize());
        node.put("minimumCalls", b.minimumCalls());
        node.set("openMs", number(b.openMs()));
        node.put("halfOpenCalls", b.halfOpenCalls());
        return node;
    }

    static ObjectNode bulkhead(BulkheadPolicy b) {
        ObjectNode node = NODES.objectNode();
        node.put("maxConcurrent", b.maxConcurrent());
        node.put("policy", b.waits() ? "wait" : "reject");
        node.set("maxWaitMs", number(b.maxWaitMs()));
        return node;
    }

    static ObjectNode delivery(DeliveryPolicy p) {
        ObjectNode node = NODES.objectNode();
        node.put("acks", p.acks());
        node.put("maxDeliveries", p.maxDeliveries());
        node.set("ackTimeoutMs", number(p.ackTimeoutMs()));
        node.put("overflow", p.overflow().key());
        node.set("messageTtlMs", number(p.messageTtlMs()));
        node.put("durable", p.durable());
        return node;
    }

    static ObjectNode discovery(DiscoverySpec d) {
        ObjectNode node = NODES.objectNode();
        node.set("heartbeatIntervalMs", number(d.heartbeatIntervalMs()));
        node.put("missedHeartbeats", d.missedHeartbeats());
        node.set("cacheTtlMs", number(d.cacheTtlMs()));
        node.put("balancing", d.balancing().key());
        return node;
    }

    private static void putNumber(ObjectNode node, String name, double value, double defaultValue) {
        if (Double.compare(value, defaultValue) != 0) {
            node.set(name, number(value));
        }
    }

    /**
     * A number exactly: a whole value as a whole number ({@code 5}, not {@code 5.0}), any other as
     * the shortest decimal Java gives for it, which reads back to the same double.
     */
    public static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && Double.compare(value, -0.0) != 0) {
            return NODES.numberNode((long) value);
        }
        return NODES.numberNode(value);
    }
}
