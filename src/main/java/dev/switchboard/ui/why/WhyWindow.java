package dev.switchboard.ui.why;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Objects;

/**
 * The second window, "Why did it take so long?": Why.fxml with app.css and why.css (plus the main
 * window's theme sheets) on its own stage. One per main window; showing it again brings it to the front.
 */
public final class WhyWindow {
    public static final String TITLE = "Switchboard — why did it take so long?";

    private final Stage stage;
    private final WhyController controller;

    private WhyWindow(Stage stage, WhyController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /** Builds the window over {@code vm}, with the stylesheets the owner's scene has, and shows it. */
    public static WhyWindow open(WhyViewModel vm, Window owner) {
        FXMLLoader loader = new FXMLLoader(resource("/fxml/Why.fxml"));
        loader.setControllerFactory(type -> {
            if (type == WhyController.class) {
                return new WhyController(vm);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the why-window");
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the why-window's FXML", e);
        }
        Scene scene = new Scene(root, 1280, 860);
        List<String> sheets = owner != null && owner.getScene() != null
                ? owner.getScene().getStylesheets() : List.of(resource("/styles/app.css").toExternalForm());
        // the owner's sheets follow its theme switches too
        if (owner != null && owner.getScene() != null) {
            javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().setAll(sheets);
        }
        root.getStylesheets().add(resource("/styles/why.css").toExternalForm());
        Stage stage = new Stage();
        stage.setTitle(TITLE);
        stage.setScene(scene);
        WhyWindow window = new WhyWindow(stage, loader.getController());
        window.show();
        return window;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public WhyController controller() {
        return controller;
    }

    private static URL resource(String path) {
        return Objects.requireNonNull(WhyWindow.class.getResource(path), path);
    }
}
