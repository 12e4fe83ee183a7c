package dev.switchboard.model;

import java.util.Optional;

/** How a link carries work: a blocking request/response, a broker queue, or publish/subscribe. */
public enum LinkStyle implements Keyed {
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

    @Override
    public String key() {
        return key;
    }

    public static Optional<LinkStyle> fromKey(String key) {
        return Keyed.fromKey(LinkStyle.class, key);
    }
}
