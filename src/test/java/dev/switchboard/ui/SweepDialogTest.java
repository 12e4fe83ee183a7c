package dev.switchboard.ui;

import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sweep.Figure;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sweep dialog in the real window (FXML and CSS), headless: opened from the Run menu on the
 * hybrid sample, it runs a small sweep with progress, plots means, bands and theory, opens a point
 * in the main window, exports its chart, and can be cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class SweepDialogTest {
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> fxErrors.add(error));
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().openSample("hybrid-order.json");
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    @AfterEach
    void noExceptionReachedTheFxThread() {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fxErrors, "exceptions on the FX thread");
    }

    private SweepController openFromTheMenu(FxRobot robot) {
        // a dialog left by an earlier test would answer the lookup first
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && "sweepRoot".equals(w.getScene().getRoot().getId()))
                .forEach(javafx.stage.Window::hide));
        robot.clickOn("Run").clickOn("#sweepMenuItem");
        WaitForAsyncUtils.waitForFxEvents();
        return (SweepController) robot.lookup("#sweepRoot").query().getUserData();
    }

    @Test
    void aSweepFromTheMenuPlotsItsPointsAndOpensOneInTheMainWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        SweepController sweep = openFromTheMenu(robot);
        SweepViewModel vm = sweep.viewModel();
        robot.interact(() -> {
            vm.firstProperty().set(vm.settings().stream().filter(s -> s.path().equals("services.kitchen.workers"))
                    .findFirst().orElseThrow());
            vm.firstValuesProperty().set("1..3");
            vm.secondValuesProperty().set("sync,queue");
            vm.seedsProperty().set(3);
            vm.ordersProperty().set(150);
        });
        robot.clickOn("#runSweepButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && !vm.results().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, vm.results().size());
        assertEquals(1.0, vm.progressProperty().get());
        LineChart<?, ?> chart = robot.lookup("#sweepChart").queryAs(LineChart.class);
        List<String> names = chart.getData().stream().map(s -> s.getName()).toList();
        assertTrue(names.containsAll(List.of("sync (mean)", "sync 95% low", "sync 95% high", "queue (mean)", "queue theory")),
                names.toString());
        assertEquals(3, chart.getData().get(0).getData().size(), "one point per kitchen worker count");

        robot.interact(() -> vm.figureProperty().set(Figure.KITCHEN_UTILIZATION));
        assertTrue(chart.getTitle().startsWith("Kitchen utilization"), chart.getTitle());

        ListView<?> points = robot.lookup("#pointList").queryAs(ListView.class);
        robot.interact(() -> points.getSelectionModel().select(5)); // 3 workers, queue
        robot.clickOn("#openPointButton");
        WaitForAsyncUtils.waitForFxEvents();
        var flow = window.viewModel().playback().flowProperty().get();
        assertEquals(3, flow.service(ServiceId.KITCHEN).workers());
        assertEquals(LinkStyle.QUEUE, flow.link(LinkId.ORDER_KITCHEN).style());
        assertEquals(150, flow.orders().count());
        assertTrue(window.viewModel().flowSourceProperty().get().contains("Kitchen workers = 3"),
                window.viewModel().flowSourceProperty().get());

        Path png = dir.resolve("sweep.png");
        boolean[] written = new boolean[1];
        robot.interact(() -> written[0] = sweep.exportPng(png));
        assertTrue(written[0]);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void aLongSweepCanBeCancelledAndABadRangeOnlySaysWhy(FxRobot robot) throws Exception {
        SweepController sweep = openFromTheMenu(robot);
        SweepViewModel vm = sweep.viewModel();
        robot.interact(() -> {
            vm.firstValuesProperty().set("300..100");
        });
        robot.clickOn("#runSweepButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().contains("runs backwards"), vm.statusProperty().get());

        robot.interact(() -> {
            vm.firstValuesProperty().set("100..700:100");
            vm.ordersProperty().set(1_000_000);
        });
        robot.clickOn("#runSweepButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.runningProperty().get());
        robot.clickOn("#cancelSweepButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sweep cancelled.", vm.statusProperty().get());
        assertTrue(vm.results().isEmpty());
    }
}
