package dev.switchboard.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The Switchboard desktop application: one main window around the animated diagram. */
public final class SwitchboardApp extends Application {

    @Override
    public void start(Stage stage) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters().getRaw(), System.getProperties());
        } catch (IllegalArgumentException bad) {
            System.err.println("switchboard: " + bad.getMessage());
            options = LaunchOptions.interactive();
        }
        MainWindow.show(stage, options);
    }

    public static void main(String[] args) {
        launch(SwitchboardApp.class, args);
    }
}
