package dev.switchboard.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The application class started the way a TestFX test starts it: {@code start(stage)} without {@code launch}. */
@ExtendWith(ApplicationExtension.class)
class SwitchboardAppTest {
    private SwitchboardApp app;

    @Start
    void start(Stage stage) {
        app = new SwitchboardApp();
        app.start(stage); // getParameters() is null here: it used to throw a NullPointerException
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void startedWithoutLaunchItOpensTheDefaultSamplePaused() {
        assertNotNull(app.window());
        assertEquals("Switchboard — Hybrid order flow", ((Stage) app.window().scene().getWindow()).getTitle());
        assertEquals(0, app.window().viewModel().playback().getNowMs());
        assertNotNull(app.window().scene().lookup("#resetControlsButton"),
                "a window a test starts has its controls panel from the start");
    }
}
