package dev.switchboard.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How the window starts: which flow, whether it plays at once, and for the smoke test a
 * screenshot to save and a time to quit after. Read from command-line arguments
 * ({@code --autoplay --screenshot out.png --exit-after 5s --flow all-sync.json --dark --presenter}) or
 * the matching system properties ({@code switchboard.autoplay}, {@code .screenshot}, {@code .exitAfter},
 * {@code .flow}, {@code .dark}, {@code .presenter}).
 *
 * <p>{@code controlsAfterFirstFrame}: the controls panel is built once the first frame is on the
 * screen, so the window appears sooner (building, styling and laying out its dozens of sliders is a
 * third of a start). A launched window does this; {@link #interactive()}, which tests use, has the
 * panel from the start.
 */
public record LaunchOptions(String flow, boolean autoplay, Path screenshot, double exitAfterMs, boolean dark,
                            boolean presenter, boolean controlsAfterFirstFrame) {
    public static final String PROPERTY_PREFIX = "switchboard.";

    public LaunchOptions {
        if (screenshot != null && !(exitAfterMs > 0)) {
            throw new IllegalArgumentException("--screenshot needs --exit-after, e.g. --exit-after 5s");
        }
    }

    /** The window as a person opens it: the default sample, paused at t = 0. */
    public static LaunchOptions interactive() {
        return new LaunchOptions(null, false, null, 0, false, false, false);
    }

    /** The same options opening {@code flowNameOrFile} (a sample's file name or a path) instead. */
    public LaunchOptions withFlow(String flowNameOrFile) {
        return new LaunchOptions(flowNameOrFile, autoplay, screenshot, exitAfterMs, dark, presenter, controlsAfterFirstFrame);
    }

    /** The same options with the controls panel joining the scene after the first frame (or not). */
    public LaunchOptions withControlsAfterFirstFrame(boolean later) {
        return new LaunchOptions(flow, autoplay, screenshot, exitAfterMs, dark, presenter, later);
    }

    /** Reads the options; arguments win over system properties. Throws with a usage message on a bad one. */
    public static LaunchOptions parse(List<String> args, Properties properties) {
        String flow = properties.getProperty(PROPERTY_PREFIX + "flow");
        boolean autoplay = Boolean.parseBoolean(properties.getProperty(PROPERTY_PREFIX + "autoplay", "false"));
        String screenshot = properties.getProperty(PROPERTY_PREFIX + "screenshot");
        String exitAfter = properties.getProperty(PROPERTY_PREFIX + "exitAfter");
        boolean dark = Boolean.parseBoolean(properties.getProperty(PROPERTY_PREFIX + "dark", "false"));
        boolean presenter = Boolean.parseBoolean(properties.getProperty(PROPERTY_PREFIX + "presenter", "false"));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--autoplay" -> autoplay = true;
                case "--dark" -> dark = true;
                case "--presenter" -> presenter = true;
                case "--flow" -> flow = value(args, ++i, arg);
                case "--screenshot" -> screenshot = value(args, ++i, arg);
                case "--exit-after" -> exitAfter = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown option " + arg
                        + "; the window takes --flow NAME|FILE, --autoplay, --screenshot FILE, --exit-after 5s, --dark, --presenter.");
            }
        }
        return new LaunchOptions(flow, autoplay, screenshot == null ? null : Path.of(screenshot),
                exitAfter == null ? 0 : durationMs(exitAfter), dark, presenter, true);
    }

    /** A duration like {@code 5s}, {@code 1500ms} or {@code 5} (seconds), in milliseconds. */
    public static double durationMs(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            double value;
            if (t.endsWith("ms")) {
                value = Double.parseDouble(t.substring(0, t.length() - 2));
            } else if (t.endsWith("s")) {
                value = Double.parseDouble(t.substring(0, t.length() - 1)) * 1000;
            } else {
                value = Double.parseDouble(t) * 1000;
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A duration is a positive number like 5s or 1500ms, not \"" + text + "\".");
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(index);
    }
}
