package dev.switchboard.ui;

import dev.switchboard.flow.SampleFlows;

import javafx.application.Application;
import javafx.stage.Stage;

import java.util.List;

/**
 * The Switchboard desktop application: one main window around the animated diagram. Started by the
 * launcher with command-line options, or by a test with {@code new SwitchboardApp().start(stage)}
 * (options from system properties only) or {@code new SwitchboardApp(options).start(stage)}; the
 * window it opened is then {@link #window()}.
 */
public final class SwitchboardApp extends Application {
    private final LaunchOptions given;
    private MainWindow window;

    /** Options from the command line and the {@code switchboard.*} system properties. */
    public SwitchboardApp() {
        this.given = null;
    }

    /** Exactly these options (a test's way in: e.g. a quiet flow, no autoplay). */
    public SwitchboardApp(LaunchOptions options) {
        this.given = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public void start(Stage stage) {
        window = MainWindow.show(stage, given != null ? given : optionsFromLaunch());
    }

    private LaunchOptions optionsFromLaunch() {
        // null when the application was not started by Application.launch (a TestFX test calls start itself)
        Parameters parameters = getParameters();
        List<String> args = parameters == null ? List.of() : parameters.getRaw();
        try {
            // launched: the window shows before its controls panel joins; a test's window has it at once
            return LaunchOptions.parse(args, System.getProperties()).withControlsAfterFirstFrame(parameters != null);
        } catch (IllegalArgumentException bad) {
            System.err.println("switchboard: " + bad.getMessage());
            return LaunchOptions.interactive();
        }
    }

    /** The window {@link #start(Stage)} opened; null before. */
    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.controller().dispose();
        }
    }

    /**
     * Reads the shipped samples (the flow menu lists them by name; a fifth of a second of parsing) on
     * another core while the JavaFX toolkit starts, which the window waits for anyway; the window's
     * first look at {@link SampleFlows#all()} then finds them read, or waits for the reading to end.
     */
    private static void readSamplesWhileTheToolkitStarts() {
        Thread reader = new Thread(SampleFlows::all, "switchboard-samples");
        reader.setDaemon(true);
        reader.start();
    }

    public static void main(String[] args) {
        dev.switchboard.ui.diagram.RenderSettings.beforeToolkit();
        readSamplesWhileTheToolkitStarts();
        launch(SwitchboardApp.class, args);
    }
}
