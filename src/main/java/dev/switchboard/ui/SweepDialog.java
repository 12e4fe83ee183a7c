package dev.switchboard.ui;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.sweep.FlowVariants;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the Sweep dialog for the main window's current flow: reloads that flow from its sample or
 * file with the varied fields overridden, and opens a chosen point back in the main window.
 */
public final class SweepDialog {
    static final String STYLESHEET = "/styles/sweep.css";
    private SweepDialog() {
    }

    /** Opens the dialog beside {@code owner}; returns its controller (tests drive it). */
    public static SweepController open(Window owner, MainViewModel main) {
        String source = main.flowSourceProperty().get();
        SweepViewModel vm = new SweepViewModel(variantsOf(main, source).orElse(null), source, Platform::runLater,
                main::open);
        FXMLLoader loader = new FXMLLoader(SweepDialog.class.getResource("/fxml/SweepDialog.fxml"));
        loader.setControllerFactory(type -> new SweepController(vm));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Sweep dialog's FXML", e);
        }
        Scene scene = new Scene(root, 1150, 680);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(SweepDialog.class.getResource(STYLESHEET).toExternalForm());
        Stage stage = new Stage();
        stage.setTitle("Sweep — " + source);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        SweepController controller = loader.getController();
        root.setUserData(controller); // so a test that finds the dialog's root can drive it
        stage.setOnHidden(e -> vm.cancel());
        stage.show();
        return controller;
    }

    private static Optional<FlowVariants> variantsOf(MainViewModel main, String source) {
        if (main.currentSample().isPresent()) {
            String name = main.currentSample().get().fileName();
            return Optional.of(overrides -> FlowLoader.loadSample(name, overrides));
        }
        if (source != null && !source.isBlank()) {
            try {
                Path path = Path.of(source);
                if (Files.isRegularFile(path)) {
                    return Optional.of(overrides -> FlowLoader.load(path, overrides));
                }
            } catch (java.nio.file.InvalidPathException notAPath) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
