package dev.switchboard.flow;

import java.util.regex.Pattern;

/**
 * Builds the field paths errors name, in the form a reader of the file recognises:
 * {@code services.kitchen.workers}, {@code links["order->kitchen"].style}, {@code faults[0].kind}.
 */
final class FieldPath {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final String ROOT = "";

    private FieldPath() {
    }

    static String child(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            String shown = Echo.plain(name);
            return parent.isEmpty() ? shown : parent + "." + shown;
        }
        return parent + "[" + Echo.quoted(name) + "]";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
