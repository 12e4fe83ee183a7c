package dev.switchboard.ui.compare;

import dev.switchboard.ui.diagram.DiagramStyles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/**
 * Compare mode's window: Compare.fxml with app.css and compare.css on its own stage, the dark theme
 * following the main window's, and presenter mode (full screen, large text) of its own.
 */
public final class CompareWindow {
    public static final String TITLE_PREFIX = "Switchboard — compare: ";
    public static final double PREFERRED_WIDTH = 1400;
    public static final double PREFERRED_HEIGHT = 900;
    static final String APP_CSS = "/styles/app.css";
    static final String DARK_CSS = "/styles/dark.css";
    static final String PRESENTER_CSS = "/styles/presenter.css";
    static final String COMPARE_CSS = "/styles/compare.css";

    private final Stage stage;
    private final CompareController controller;
    private final dev.switchboard.ui.ScreenCover screenCover = new dev.switchboard.ui.ScreenCover(1400, 900);

    private CompareWindow(Stage stage, CompareController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /**
     * Builds the window over {@code vm} and shows it; {@code darkTheme} (the main window's, or null)
     * is followed while the window is open.
     */
    public static CompareWindow open(CompareViewModel vm, Window owner, ObservableBooleanValue darkTheme) {
        return open(vm, owner, darkTheme, new Stage());
    }

    /** As {@link #open(CompareViewModel, Window, ObservableBooleanValue)}, on a given stage (tests, screenshots). */
    public static CompareWindow open(CompareViewModel vm, Window owner, ObservableBooleanValue darkTheme, Stage stage) {
        FXMLLoader loader = new FXMLLoader(resource("/fxml/Compare.fxml"));
        loader.setControllerFactory(type -> {
            if (type == CompareController.class) {
                return new CompareController(vm);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the compare window");
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the compare window's FXML", e);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(PREFERRED_WIDTH, screen.getWidth()),
                Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        String dark = resource(DARK_CSS).toExternalForm();
        String presenter = resource(PRESENTER_CSS).toExternalForm();
        String compare = resource(COMPARE_CSS).toExternalForm();
        scene.getStylesheets().addAll(resource(DiagramStyles.STYLESHEET).toExternalForm(),
                resource(APP_CSS).toExternalForm(), compare);
        if (darkTheme != null) {
            vm.darkThemeProperty().bind(darkTheme);
        }
        // themes only redefine variables: dark after app.css, presenter last, compare.css after both
        Runnable sheets = () -> {
            scene.getStylesheets().removeAll(dark, presenter, compare);
            if (vm.darkThemeProperty().get()) {
                scene.getStylesheets().add(dark);
            }
            if (vm.presenterModeProperty().get()) {
                scene.getStylesheets().add(presenter);
            }
            scene.getStylesheets().add(compare);
        };
        sheets.run();
        vm.darkThemeProperty().addListener((obs, was, on) -> sheets.run());
        vm.presenterModeProperty().addListener((obs, was, on) -> sheets.run());

        CompareController controller = loader.getController();
        controller.installShortcuts(scene);
        stage.titleProperty().unbind();
        stage.setTitle(TITLE_PREFIX + vm.baseFlow().name());
        stage.setScene(scene);
        stage.sizeToScene();
        CompareWindow window = new CompareWindow(stage, controller);
        stage.setOnHidden(e -> {
            controller.dispose();
            vm.playingProperty().set(false);
        });
        stage.show();
        vm.presenterModeProperty().addListener((obs, was, on) -> window.cover(on));
        if (vm.presenterModeProperty().get()) {
            window.cover(true);
        }
        return window;
    }

    /** Full screen (and sized to the screen, for Xvfb without a window manager), or back to the old place. */
    void cover(boolean on) {
        screenCover.cover(stage, on);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public CompareController controller() {
        return controller;
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(CompareWindow.class.getResource(path), path);
    }
}
