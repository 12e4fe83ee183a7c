package dev.switchboard;

import java.util.Set;

/**
 * The jar's entry point: {@code run}, {@code bench}, {@code sweep} and {@code help} go to the headless runner,
 * anything else opens the window. It does not extend {@code Application}, so the window's classes
 * load from the plain classpath and the headless runner never loads JavaFX at all.
 */
public final class Launcher {
    private static final Set<String> HEADLESS_COMMANDS = Set.of("run", "bench", "sweep", "help", "--help", "-h");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && HEADLESS_COMMANDS.contains(args[0])) {
            dev.switchboard.cli.Main.main(args);
        } else {
            dev.switchboard.ui.SwitchboardApp.main(args);
        }
    }
}
