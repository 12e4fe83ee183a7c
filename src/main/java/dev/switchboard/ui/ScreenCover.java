package dev.switchboard.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Makes a window cover its screen for presenter mode, and gives it back its old place and size.
 * Full screen where the platform has it; the stage is also sized to the screen's bounds first,
 * because without a window manager (Xvfb, a kiosk) a full-screen request can do nothing. Esc is left
 * to the window's own shortcut (leave presenter mode) rather than the platform's full-screen exit.
 */
public final class ScreenCover {
    private final double fallbackWidth;
    private final double fallbackHeight;
    private Rectangle2D windowedBounds;

    /** @param fallbackWidth, fallbackHeight the size to leave at when the window started covered and never had one */
    public ScreenCover(double fallbackWidth, double fallbackHeight) {
        this.fallbackWidth = fallbackWidth;
        this.fallbackHeight = fallbackHeight;
    }

    public void cover(Stage stage, boolean on) {
        if (on) {
            if (!stage.isFullScreen()) {
                windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            Rectangle2D screen = screenOf(stage).getBounds();
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null && Double.isNaN(windowedBounds.getMinX())) {
                // Started covered: the window never had a place of its own.
                Rectangle2D screen = screenOf(stage).getVisualBounds();
                stage.setWidth(Math.min(fallbackWidth, screen.getWidth()));
                stage.setHeight(Math.min(fallbackHeight, screen.getHeight()));
                stage.centerOnScreen();
            } else if (windowedBounds != null && windowedBounds.getWidth() > 0) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
    }

    private static Screen screenOf(Stage stage) {
        if (Double.isNaN(stage.getX()) || Double.isNaN(stage.getWidth()) || stage.getWidth() <= 0) {
            return Screen.getPrimary();
        }
        var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }
}
