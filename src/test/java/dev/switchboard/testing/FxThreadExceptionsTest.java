package dev.switchboard.testing;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collector behind the auto-detected extension sees what escapes on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class FxThreadExceptionsTest {

    @Start
    void start(Stage stage) {
        // a test that sets its own FX-thread handler must not hide exceptions from the extension
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> { });
        FxThreadExceptions.install();
    }

    @Test
    void anExceptionThrownInAnFxEventHandlerIsCollectedForTheRunningTest() {
        Platform.runLater(() -> {
            throw new IllegalStateException("thrown on the FX thread");
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Throwable> escaped = FxThreadExceptions.drain();
        assertEquals(1, escaped.size(), "collected: " + escaped);
        assertEquals("thrown on the FX thread", escaped.get(0).getMessage());
        assertTrue(FxThreadExceptions.drain().isEmpty(), "drained once");
    }
}
