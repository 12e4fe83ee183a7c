package dev.switchboard.ui;

import dev.switchboard.cli.Main;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.run.Branch;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.ReportJson;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going back in time in the real window: the timeline under the diagram, the back keys, forking a
 * branch by changing something in the past and returning to the old one, and saving and opening a run.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineTest {
    private MainWindow window;
    private final Metrics[] metrics = {new Metrics()};
    private final CustomerGauge[] gauge = {new CustomerGauge()};

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive().withFlow("hybrid-order.json"));
        // a report and the gauge beside the window's own readers, folded the same way
        window.viewModel().playback().addListener(RunListener.of(e -> {
            metrics[0].onEvent(e);
            gauge[0].onEvent(e);
        }, () -> {
            metrics[0] = new Metrics();
            gauge[0] = new CustomerGauge();
        }));
        window.viewModel().playback().load(window.viewModel().playback().getFlow());
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    private PlaybackViewModel playback() {
        return window.viewModel().playback();
    }

    /** What the window shows, as data: clock, narration, orders, order history, gauge, report, controls. */
    private String shown(FxRobot robot) {
        List<String> parts = new ArrayList<>();
        parts.add(((Label) robot.lookup("#clockLabel").query()).getText());
        ListView<NarrationLine> narration = robot.lookup("#narrationList").query();
        narration.getItems().forEach(line -> parts.add(line.text()));
        window.viewModel().orders().rows().forEach(row -> parts.add(row.getOrderId() + ":" + row.getStatus()));
        parts.add(String.valueOf(gauge[0].reading()));
        parts.add(ReportJson.write(metrics[0].report()));
        parts.add(String.valueOf(window.viewModel().playback().arrivalRatePerSecondProperty().get()));
        parts.add(((Label) robot.lookup("#arrivalRateLabel").query()).getText());
        parts.add(String.valueOf(window.controller().diagramState().snapshot()));
        return String.join("\n", parts);
    }

    @Test
    void draggingTheTimelineShowsTheWindowAsItWasAndForwardAgainAsItIs(FxRobot robot) {
        List<Double> times = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            robot.interact(() -> playback().advanceBy(1_500));
            if (i == 3) {
                robot.interact(() -> playback().submit(() -> new Command.SetSlowdown(ServiceId.KITCHEN, 4)));
            }
            times.add(playback().getNowMs());
            states.add(shown(robot));
        }
        Slider timeline = robot.lookup("#timelineSlider").query();
        assertEquals(12_000, timeline.getMax(), 1e-9, "the timeline ends at the newest moment");
        assertTrue(robot.lookup("#timelineMarks").queryAs(TimelineMarks.class).visibleMarks() >= 1,
                "the command has its mark on the timeline");
        for (int i : new int[] {2, 0, 5, 1, 7, 3, 6, 4}) {
            double t = times.get(i);
            robot.interact(() -> timeline.setValue(t));
            assertEquals(t, playback().getNowMs());
            assertEquals(states.get(i), shown(robot), "the window at " + t + " ms");
            assertEquals(i < 7, playback().isInPast());
        }
        robot.interact(() -> timeline.setValue(2_000));
        assertTrue(robot.lookup("#timelineBar").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("past")), "the bar says the window shows the past");
        robot.clickOn("#timelineNewestButton");
        assertEquals(states.get(7), shown(robot));
        assertFalse(playback().isInPast());
    }

    @Test
    void leftAndPageUpStepBackHomeAndEndJumpAndRightStepsForwardAgain(FxRobot robot) {
        robot.interact(() -> playback().advanceBy(2_000));
        List<String> states = new ArrayList<>();
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> playback().step());
            states.add(shown(robot));
            events.add(playback().executedEvents());
        }
        String newest = shown(robot);
        robot.type(KeyCode.LEFT);
        assertEquals(states.get(4), shown(robot), "Left: one step back");
        robot.type(KeyCode.PAGE_UP);
        assertEquals(states.get(3), shown(robot), "Page Up: another");
        assertEquals(events.get(3), playback().executedEvents());
        robot.type(KeyCode.RIGHT);
        assertEquals(states.get(4), shown(robot), "Right: forward again, from the run's history");
        robot.type(KeyCode.HOME);
        assertEquals(0, playback().getNowMs());
        assertTrue(window.viewModel().orders().rows().isEmpty());
        robot.type(KeyCode.END);
        assertEquals(newest, shown(robot));
        robot.clickOn("#stepBackButton");
        assertEquals(states.get(4), shown(robot), "the Back button is the same step back");
    }

    @Test
    void aChangeInThePastForksABranchAndTheOldBranchComesBackUnchanged(FxRobot robot) {
        robot.interact(() -> playback().advanceBy(6_000));
        robot.interact(() -> playback().submit(() -> new Command.SetServiceDown(ServiceId.KITCHEN, true)));
        robot.interact(() -> playback().advanceBy(4_000));
        String oldBranch = shown(robot);

        robot.interact(() -> playback().seekTo(3_000));
        robot.type(KeyCode.O); // a customer orders, in the past: a new branch starts here
        assertEquals(2, playback().branches().size());
        assertFalse(playback().isInPast());
        assertTrue(((Label) robot.lookup("#statusLabel").query()).getText().contains("new branch (2)"));
        robot.interact(() -> playback().advanceBy(7_000));
        assertEquals(10_000, playback().getNowMs());
        assertNotEquals(oldBranch, shown(robot), "without the outage and with one more order");

        ComboBox<Branch> branches = robot.lookup("#branchChoice").query();
        assertEquals(2, branches.getItems().size());
        assertEquals("Branch 2 (from 3.000 s): One order placed", TimelineView.label(branches.getItems().get(1), true)
                .replaceAll("placed.*", "placed"));
        robot.interact(() -> branches.getSelectionModel().select(0));
        assertEquals(1, playback().currentBranchProperty().get().number());
        assertEquals(oldBranch, shown(robot), "branch 1 exactly as it was left");
        robot.interact(() -> branches.getSelectionModel().select(1));
        assertEquals(2, playback().currentBranchProperty().get().number());
        assertEquals(10_000, playback().getNowMs());
    }

    @Test
    void aSavedRunOpensAsItWasPlayedAndTheRunnerPrintsTheWindowsReport(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> playback().advanceBy(2_500));
        robot.interact(() -> playback().placeBurst());
        robot.interact(() -> playback().step());
        robot.interact(() -> playback().submit(() -> new Command.SetWorkers(ServiceId.KITCHEN, 1)));
        robot.interact(() -> playback().advanceBy(3_000.5));
        String played = shown(robot);
        String windowReport = ReportJson.write(metrics[0].report());
        Path file = dir.resolve("demo.run.json");
        robot.interact(() -> assertTrue(window.controller().saveRun(file)));

        var quiet = FlowLoader.loadSample("one-order.json");
        robot.interact(() -> window.viewModel().open(quiet, "one-order.json"));
        assertNotEquals(played, shown(robot));
        robot.interact(() -> assertTrue(window.controller().openFlowFile(file)));
        assertEquals(played, shown(robot), "the saved run opens at the moment it was saved, as it was");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"run", file.toString(), "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, exit);
        assertEquals(windowReport.strip(), out.toString(StandardCharsets.UTF_8).strip(),
                "switchboard run FILE prints the report of the window's run");
    }

    @Test
    void theWhyWindowFollowsTheTimelineToo(FxRobot robot) {
        robot.interact(() -> window.controller().openWhyWindow());
        var why = window.viewModel().why();
        robot.interact(() -> playback().advanceBy(5_000));
        robot.interact(why::refreshCharts);
        String summaryAt5 = why.summary().toString();
        int samplesAt5 = why.samples().size();
        robot.interact(() -> playback().advanceBy(5_000));
        robot.interact(why::refreshCharts);
        assertNotEquals(summaryAt5, why.summary().toString());
        robot.interact(() -> playback().seekTo(5_000));
        robot.interact(why::refreshCharts);
        assertEquals(summaryAt5, why.summary().toString(), "the why-window's summary as it was at 5 s");
        assertEquals(samplesAt5, why.samples().size(), "and its charts end there");
    }
}
