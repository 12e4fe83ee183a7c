package dev.switchboard.ui;

import dev.switchboard.flow.FlowException;
import dev.switchboard.ui.diagram.DiagramStyles;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the main window on a stage: loads {@code /fxml/Main.fxml} with its view models, styles it
 * with {@code /styles/app.css}, sizes it to the screen and opens the first flow paused at t = 0.
 * The application and the UI tests both open the window this way.
 */
public final class MainWindow {
    public static final double PREFERRED_WIDTH = 1400;
    /** A window opened narrower than this starts with the legend hidden (View menu, L shows it). */
    public static final double LEGEND_MIN_WIDTH = 1280;
    public static final double PREFERRED_HEIGHT = 900;
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 660;
    static final String DARK_CSS = "/styles/dark.css";
    static final String PRESENTER_CSS = "/styles/presenter.css";

    private final MainViewModel viewModel;
    private final MainController controller;
    private final Scene scene;

    private MainWindow(MainViewModel viewModel, MainController controller, Scene scene) {
        this.viewModel = viewModel;
        this.controller = controller;
        this.scene = scene;
    }

    /** Opens the window on {@code stage} as {@code options} say and shows it. */
    public static MainWindow show(Stage stage, LaunchOptions options) {
        ControlsLog.warningsOnly();
        MainViewModel vm = new MainViewModel();
        FXMLLoader loader = new FXMLLoader(resource("/fxml/Main.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(vm);
            }
            throw new IllegalArgumentException("no controller " + type.getName() + " in the main window");
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window's FXML", e);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(PREFERRED_WIDTH, screen.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, screen.getHeight());
        MainController controller = loader.getController();
        controller.legendShownProperty().set(width >= LEGEND_MIN_WIDTH);
        // The blank screen lies over the whole window, menus included.
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(root,
                controller.presenter().blankOverlay());
        Scene scene = new Scene(stack, width, height);
        // The diagram's stylesheet first, so app.css overrides its fallback colours; adding both
        // before the first CSS pass also spares a restyle when the diagram would add its own.
        scene.getStylesheets().addAll(resource(DiagramStyles.STYLESHEET).toExternalForm(),
                resource("/styles/app.css").toExternalForm());
        String dark = resource(DARK_CSS).toExternalForm();
        String presenter = resource(PRESENTER_CSS).toExternalForm();
        // Themes go after app.css and only redefine variables or sizes; presenter stays last.
        vm.darkThemeProperty().addListener((obs, was, on) -> toggleStylesheet(scene, dark, on,
                scene.getStylesheets().indexOf(presenter) >= 0 ? scene.getStylesheets().indexOf(presenter) : -1));
        vm.presenterModeProperty().addListener((obs, was, on) -> toggleStylesheet(scene, presenter, on, -1));
        controller.installShortcuts(scene);
        MainWindow window = new MainWindow(vm, controller, scene);

        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(Math.min(MIN_WIDTH, width));
        stage.setMinHeight(Math.min(MIN_HEIGHT, height));
        stage.setScene(scene);
        // a stage used before (TestFX reuses one per JVM) keeps its old size unless told otherwise
        stage.sizeToScene();
        stage.setOnHidden(e -> controller.dispose());
        vm.darkThemeProperty().set(options.dark());
        vm.presenterModeProperty().set(options.presenter());
        window.openFirstFlow(options.flow());
        controller.loadControlPanel(options.controlsAfterFirstFrame());
        stage.show();
        // After show: a stage sized before it is shown is sized to its scene again when it opens.
        vm.presenterModeProperty().addListener((obs, was, on) -> controller.presenter().cover(stage, on));
        if (options.presenter()) {
            controller.presenter().cover(stage, true);
        }
        if (options.autoplay()) {
            vm.playback().playingProperty().set(true);
        }
        if (options.screenshot() != null) {
            window.watchMetrics();
            window.screenshotThenExit(options.screenshot(), options.exitAfterMs());
        }
        return window;
    }

    private void openFirstFlow(String flow) {
        String wanted = flow == null ? MainViewModel.DEFAULT_SAMPLE : flow;
        try {
            if (flow != null && Files.isRegularFile(Path.of(flow))) {
                viewModel.openFile(Path.of(flow));
            } else {
                viewModel.openSample(wanted);
            }
        } catch (FlowException invalid) {
            if (flow == null) {
                throw new IllegalStateException("the bundled sample " + wanted + " does not load: "
                        + invalid.getMessage(), invalid);
            }
            System.err.println("switchboard: " + invalid.getMessage() + " (opening " + MainViewModel.DEFAULT_SAMPLE
                    + " instead)");
            openFirstFlow(null);
            viewModel.playback().showProblem("Could not open " + flow + ": " + invalid.getMessage());
        }
    }

    /** For the smoke test's log line: the run's metrics, started afresh with each run. */
    private void watchMetrics() {
        viewModel.playback().addListener(new RunListener() {
            @Override
            public void onEvent(dev.switchboard.trace.TraceEvent event) {
                metrics.onEvent(event);
            }

            @Override
            public void runReset(dev.switchboard.flow.Flow flow) {
                metrics = new dev.switchboard.trace.Metrics();
            }
        });
    }

    private dev.switchboard.trace.Metrics metrics = new dev.switchboard.trace.Metrics();

    private void screenshotThenExit(Path file, double afterMs) {
        PauseTransition wait = new PauseTransition(Duration.millis(afterMs));
        wait.setOnFinished(e -> {
            try {
                WritableImage image = scene.snapshot(null);
                Screenshots.writePng(image, file);
                System.out.println("switchboard: saved " + file + " (" + (int) image.getWidth() + "×"
                        + (int) image.getHeight() + ", " + Screenshots.distinctColours(image) + " colours, t = "
                        + dev.switchboard.trace.Numbers.ms(viewModel.playback().getNowMs()) + ", " + viewModel.playback().executedEvents()
                        + " engine events, " + String.format(Locale.ROOT, "%.1f", controller.pulsesPerSecond())
                        + " pulses/s, longest kitchen queue "
                        + metrics.report().services().get(dev.switchboard.model.ServiceId.KITCHEN).maxQueueLength()
                        + ")");
            } catch (IOException failed) {
                System.err.println("switchboard: cannot save the screenshot " + file + ": " + failed.getMessage());
            }
            Platform.exit();
        });
        wait.play();
    }

    private static void toggleStylesheet(Scene scene, String css, boolean on, int insertAt) {
        scene.getStylesheets().remove(css);
        if (on) {
            if (insertAt >= 0) {
                scene.getStylesheets().add(insertAt, css);
            } else {
                scene.getStylesheets().add(css);
            }
        }
    }

    static URL resource(String path) {
        URL url = MainWindow.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path + " on the classpath");
        }
        return url;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public MainController controller() {
        return controller;
    }

    public Scene scene() {
        return scene;
    }
}
