package dev.switchboard.ui;

import dev.switchboard.sweep.Figure;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Makes the README's sample sweep picture from the real Sweep dialog: acceptance latency against
 * the Kitchen's mean work time, sync against queue wiring, on the hybrid sample. Runs only when
 * asked: {@code ./mvnw -o test -Dtest=SweepPictureTest -Dswitchboard.sweepPng=docs/sweep-kitchen-wiring.png}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "switchboard.sweepPng", matches = ".+")
class SweepPictureTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().openSample("hybrid-order.json");
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    @Test
    void theSampleSweepIsExportedFromTheDialog(FxRobot robot) throws Exception {
        robot.clickOn("Run").clickOn("#sweepMenuItem");
        WaitForAsyncUtils.waitForFxEvents();
        SweepController sweep = (SweepController) robot.lookup("#sweepRoot").query().getUserData();
        SweepViewModel vm = sweep.viewModel();
        robot.interact(() -> {
            vm.firstProperty().set(vm.settings().get(0)); // Kitchen work time, exponential
            vm.firstValuesProperty().set(System.getProperty("switchboard.sweepValues", "100..600:50"));
            vm.secondValuesProperty().set("sync,queue");
            vm.seedsProperty().set(5);
            vm.ordersProperty().set(Integer.getInteger("switchboard.sweepOrders", 3_000));
            vm.figureProperty().set(Figure.ACCEPT_MEAN_MS);
        });
        robot.clickOn("#runSweepButton");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Path.of(System.getProperty("switchboard.sweepPng"));
        boolean[] written = new boolean[1];
        robot.interact(() -> written[0] = sweep.exportPng(png));
        assertTrue(written[0] && Files.size(png) > 1000);
    }
}
