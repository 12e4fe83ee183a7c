package dev.switchboard.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The three links between the services, the styles each may take and its default style. */
public enum LinkId implements Keyed {
    ORDER_INVENTORY("order->inventory", ServiceId.ORDER, ServiceId.INVENTORY, LinkStyle.SYNC, EnumSet.of(LinkStyle.SYNC)),
    ORDER_KITCHEN("order->kitchen", ServiceId.ORDER, ServiceId.KITCHEN, LinkStyle.QUEUE,
            EnumSet.of(LinkStyle.QUEUE, LinkStyle.SYNC)),
    KITCHEN_DELIVERY("kitchen->delivery", ServiceId.KITCHEN, ServiceId.DELIVERY, LinkStyle.EVENT,
            EnumSet.of(LinkStyle.EVENT, LinkStyle.SYNC));

    private final String key;
    private final ServiceId from;
    private final ServiceId to;
    private final LinkStyle defaultStyle;
    private final Set<LinkStyle> allowedStyles;

    LinkId(String key, ServiceId from, ServiceId to, LinkStyle defaultStyle, Set<LinkStyle> allowedStyles) {
        this.key = key;
        this.from = from;
        this.to = to;
        this.defaultStyle = defaultStyle;
        this.allowedStyles = allowedStyles;
    }

    /** The name in flow files and reports, e.g. {@code order->kitchen}. */
    @Override
    public String key() {
        return key;
    }

    public ServiceId from() {
        return from;
    }

    public ServiceId to() {
        return to;
    }

    public LinkStyle defaultStyle() {
        return defaultStyle;
    }

    public Set<LinkStyle> allowedStyles() {
        return EnumSet.copyOf(allowedStyles);
    }

    public boolean allows(LinkStyle style) {
        return allowedStyles.contains(style);
    }

    public static Optional<LinkId> fromKey(String key) {
        return Keyed.fromKey(LinkId.class, key);
    }
}
