package dev.switchboard.trace;

import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.FaultSpec;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.FaultKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * One event of every kind the sealed {@link TraceEvent} permits, built by reflection from sample
 * values, so a test that walks them all covers a kind the day it is added. Every order id is
 * {@value #ORDER_ID}; other longs are 7, so a reader that takes the wrong field shows.
 */
public final class SampleEvents {

    /** The order every sample event is about, if it is about one. */
    public static final long ORDER_ID = 42;

    private SampleEvents() {
    }

    /** Every kind of trace event, in the order {@code TraceEvent} declares them. */
    public static List<Class<?>> kinds() {
        return List.of(TraceEvent.class.getPermittedSubclasses());
    }

    /** One event of each kind. */
    public static List<TraceEvent> oneOfEveryKind() {
        return kinds().stream().map(SampleEvents::of).toList();
    }

    /** An event of {@code kind} built with its canonical constructor from sample values. */
    public static TraceEvent of(Class<?> kind) {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(components).map(c -> sampleValue(c.getType(), c.getName())).toArray();
        try {
            return (TraceEvent) kind.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + kind.getSimpleName(), e);
        }
    }

    private static Object sampleValue(Class<?> type, String name) {
        if (type == double.class) {
            return 1.0;
        }
        if (type == long.class) {
            return name.equals("orderId") ? ORDER_ID : 7L;
        }
        if (type == int.class) {
            return 2;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "a reason";
        }
        if (type.isEnum()) {
            // the first constant: with the boolean true, a finished task is ok and its failure NONE
            return type.getEnumConstants()[0];
        }
        if (type == ServiceSpec.class) {
            return ServiceSpec.defaults();
        }
        if (type == LinkSpec.class) {
            return LinkSpec.defaults(LinkId.ORDER_INVENTORY);
        }
        if (type == FaultSpec.class) {
            return new FaultSpec(ServiceId.KITCHEN, null, FaultKind.DOWN, 0, 5000, 0);
        }
        if (type == List.class) {
            return List.of(0, 1);
        }
        if (type == DiscoverySpec.class) {
            return DiscoverySpec.DEFAULTS;
        }
        if (type == Command.class) {
            return new Command.PlaceOrders(1);
        }
        throw new IllegalArgumentException("no sample value for " + type + " " + name);
    }
}
