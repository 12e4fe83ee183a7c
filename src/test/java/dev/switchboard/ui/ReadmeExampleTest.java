package dev.switchboard.ui;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The TestFX example the README shows, word for word: start quiet, place an order, step it to delivered. */
@ExtendWith(ApplicationExtension.class)
class ReadmeExampleTest {
    private SwitchboardApp app;

    @Start
    void start(Stage stage) {
        app = new SwitchboardApp(LaunchOptions.interactive().withFlow("one-order.json"));
        app.start(stage);
    }

    @Stop
    void stop() {
        app.stop();
    }

    @Test
    void oneOrderPlacedByHandIsSteppedToDelivered(FxRobot robot) {
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#orderRow-1");
        robot.clickOn("#followOrderToggle");
        for (int step = 0; step < 30 && !status(robot).equals("delivered"); step++) {
            robot.clickOn("#stepOrderButton");
        }
        assertEquals("delivered", status(robot));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#orderStatus-1").queryAs(Labeled.class).getText();
    }
}
