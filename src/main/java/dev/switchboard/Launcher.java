package dev.switchboard;

import java.util.Locale;
import java.util.Map;

/**
 * The jar's entry point: a command word ({@code run}, {@code bench}, {@code help}, or a mistyped
 * one, which the command line refuses) goes to the headless runner; no arguments or the window's
 * {@code --options} open the window, or say in one line that there is no display to open it on.
 * It does not extend {@code Application}, so the window's classes load from the plain classpath
 * and the headless runner never loads JavaFX at all.
 */
public final class Launcher {
    /** Exit status when the window cannot open, as for a run that cannot finish. */
    static final int EXIT_NO_DISPLAY = 1;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (isCommandLine(args)) {
            dev.switchboard.cli.Main.main(args);
            return;
        }
        String problem = noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
        if (problem != null) {
            System.err.println("switchboard: " + problem);
            System.exit(EXIT_NO_DISPLAY);
        }
        try {
            dev.switchboard.ui.SwitchboardApp.main(args);
        } catch (UnsupportedOperationException e) {
            // JavaFX's answer when DISPLAY names a display that is not there ("Unable to open DISPLAY")
            System.err.println("switchboard: cannot open the window: " + e.getMessage() + " (DISPLAY="
                    + System.getenv("DISPLAY") + ")");
            System.exit(EXIT_NO_DISPLAY);
        }
    }

    /**
     * Whether the arguments are for the headless command line: the window takes only options
     * ({@code --flow}, {@code --autoplay}, ...), so any other first word is a command, known or not.
     */
    static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return !first.startsWith("--") || first.equals("--help");
    }

    /**
     * Why the window cannot open here, or null: on Linux and other X11 or Wayland systems, neither
     * {@code DISPLAY} nor {@code WAYLAND_DISPLAY} is set (a server, a CI job, an ssh session) and
     * no headless glass platform (Monocle) was chosen.
     */
    static String noDisplay(Map<String, String> environment, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || glassPlatform != null) {
            return null;
        }
        if (isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "no display to open the window on (DISPLAY is not set); run a flow without a window with"
                + " \"switchboard run FLOW.json\", or start the window under xvfb-run";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
