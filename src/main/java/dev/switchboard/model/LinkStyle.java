package dev.switchboard.model;

import java.util.Optional;

/** How a link carries work: a blocking request/response, a broker queue, or publish/subscribe. */
public enum LinkStyle {
    /** Request/response: the caller's worker is blocked until the reply or the timeout. */
    SYNC("sync"),
    /** A broker queue: the sender goes on at once; a consumer takes the next message when it has a free worker. */
    QUEUE("queue"),
    /** Publish/subscribe: the publisher goes on at once; each subscriber gets a copy. */
    EVENT("event");

    private final String key;

    LinkStyle(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<LinkStyle> fromKey(String key) {
        for (LinkStyle style : values()) {
            if (style.key.equals(key)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }
}
