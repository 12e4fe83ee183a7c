package dev.switchboard.cli;

import dev.switchboard.flow.Echo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after a command, split into positional arguments and {@code --name value} (or
 * {@code --name=value}) options, with typed reads that explain what is wrong with a bad value.
 */
final class Arguments {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Arguments() {
    }

    /** Splits {@code words}; every option must be one of {@code known} (names without the dashes) and take a value. */
    static Arguments parse(List<String> words, Set<String> known) throws UsageException {
        Arguments arguments = new Arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                arguments.positionals.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + Echo.plain(name));
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = words.get(++i);
            }
            if (arguments.options.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return arguments;
    }

    List<String> positionals() {
        return positionals;
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    long longValue(String name, long fallback, long min, long max) throws UsageException {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + Echo.quoted(text));
        }
        if (value < min || value > max) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
