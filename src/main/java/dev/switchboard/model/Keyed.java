package dev.switchboard.model;

import java.util.Optional;

/** An enum constant with the name flow files, reports and commands use for it. */
public interface Keyed {

    String key();

    /** The constant of {@code type} whose key is {@code key}, if any. */
    static <E extends Enum<E> & Keyed> Optional<E> fromKey(Class<E> type, String key) {
        for (E constant : type.getEnumConstants()) {
            if (constant.key().equals(key)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
