package dev.switchboard.ui;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps JavaFX's controls logger ({@code javafx.scene.control}) to warnings and worse. Its INFO line
 * "index exceeds maxCellCount. Check size calculations for …NarrationCell" is a false alarm of
 * {@code VirtualFlow.addTrailingCells}: it compares a cell's index in the list with the number of pixels
 * left below the last cell, so any list of more lines than that, scrolled to its end with room to spare
 * (the narration after presenter mode changes its line heights), logs it, although nothing is wrong.
 */
final class ControlsLog {
    static final String LOGGER_NAME = "javafx.scene.control";
    /** Held so the level set here is not lost when the logger would otherwise be collected. */
    private static final Logger CONTROLS = Logger.getLogger(LOGGER_NAME);

    private ControlsLog() {
    }

    /** From now on the controls logger passes on warnings and worse only, unless a level was configured. */
    static void warningsOnly() {
        if (CONTROLS.getLevel() == null) {
            CONTROLS.setLevel(Level.WARNING);
        }
    }
}
