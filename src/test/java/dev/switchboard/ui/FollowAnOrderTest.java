package dev.switchboard.ui;

import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.OrderStatus;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student follows one order in the real window, on the quiet sample: the narration shows only its
 * lines, "step this order" jumps to its next event, the selection and the history stay on it, and the
 * narration follows new lines like a terminal unless the student scrolled up.
 */
@ExtendWith(ApplicationExtension.class)
class FollowAnOrderTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive().withFlow(SampleFlows.QUIET_FILE));
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    private PlaybackViewModel playback() {
        return window.viewModel().playback();
    }

    private Long selected() {
        return window.viewModel().orders().selectedOrderProperty().get();
    }

    @Test
    void theQuietSamplePlacesNoOrderByItselfAndTheArrivalsControlSaysSo(FxRobot robot) {
        robot.interact(() -> playback().advanceBy(60_000));
        assertTrue(window.viewModel().orders().rows().isEmpty(), "no automatic orders");
        assertEquals("off", ((Label) robot.lookup("#arrivalRateLabel").query()).getText());
        robot.interact(() -> window.viewModel().open(TestFlows.hybrid(), "test"));
        assertEquals("flow's 50", ((Label) robot.lookup("#arrivalRateLabel").query()).getText(),
                "the hybrid flow's own 50 orders are not hidden behind \"off\"");
    }

    @Test
    void followingOneOrderFiltersTheNarrationAndStepsItToDeliveredInAHandfulOfSteps(FxRobot robot) {
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#placeOrderButton"); // a second order whose events the student does not want to see
        robot.clickOn("#orderRow-1");
        robot.clickOn("#followOrderToggle");
        assertEquals(1L, window.viewModel().narration().followedOrderProperty().get());
        assertEquals("Following #1", ((ToggleButton) robot.lookup("#followOrderToggle").query()).getText());

        ListView<NarrationLine> narration = robot.lookup("#narrationList").query();
        int steps = 0;
        while (window.viewModel().orders().row(1).orElseThrow().getStatus() != OrderStatus.DELIVERED && steps < 100) {
            robot.interact(() -> window.controller().stepFollowedOrder());
            steps++;
            assertEquals(1L, selected(), "the selection stays pinned to #1 at step " + steps);
            for (NarrationLine line : narration.getItems()) {
                assertEquals(1L, EventOrders.orderOf(line.event()).orElse(-1), "only #1's lines: " + line);
            }
            assertTrue(((Label) robot.lookup("#orderDetailLabel").query()).getText().startsWith("Order #1 — "));
            assertEquals(1L, window.controller().diagramView().getSelectedOrder(), "the diagram dims the others");
        }
        assertEquals(OrderStatus.DELIVERED, window.viewModel().orders().row(1).orElseThrow().getStatus());
        assertEquals("delivered", robot.lookup("#orderStatus-1").queryAs(Labeled.class).getText());
        // each step is one of #1's own events; the 83 plain steps of the issue included everyone's
        long ownEvents = window.viewModel().narration().lines().stream()
                .filter(line -> EventOrders.orderOf(line.event()).orElse(-1) == 1).count();
        assertTrue(steps < ownEvents, steps + " steps for " + ownEvents + " events of #1");
        assertTrue(steps <= 40, "a handful of steps, not " + steps);
        System.out.println("FollowAnOrderTest: order #1 delivered after " + steps + " steps of its own ("
                + ownEvents + " events of #1 in the narration)");
        ListView<String> history = robot.lookup("#orderHistoryList").query();
        assertTrue(history.getItems().get(history.getItems().size() - 1).contains("→ delivered"));

        robot.clickOn("#followOrderToggle");
        assertTrue(window.viewModel().narration().shownLines().stream()
                .anyMatch(line -> EventOrders.orderOf(line.event()).orElse(-1) == 2), "all orders again");
    }

    @Test
    void aPlainStepKeepsTheSelectedOrderInsteadOfJumpingToTheNewestEventsOrder(FxRobot robot) {
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#orderRow-1");
        List<Long> aboutOrders = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> window.controller().step());
            NarrationLine line = ((ListView<NarrationLine>) robot.lookup("#narrationList").query())
                    .getSelectionModel().getSelectedItem();
            EventOrders.orderOf(line.event()).ifPresent(aboutOrders::add);
            assertEquals(1L, selected(), "step " + i + " selected " + line);
        }
        assertTrue(aboutOrders.contains(2L), "order #2 had events meanwhile: " + aboutOrders);
    }

    @Test
    void theSKeyStepsTheSelectedOrderToItsNextEvent(FxRobot robot) {
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#placeOrderButton");
        robot.clickOn("#orderRow-2");
        for (int i = 0; i < 3; i++) {
            robot.type(javafx.scene.input.KeyCode.S);
            NarrationLine line = ((ListView<NarrationLine>) robot.lookup("#narrationList").query())
                    .getSelectionModel().getSelectedItem();
            assertEquals(2L, EventOrders.orderOf(line.event()).orElse(-1), "S stepped to #2's event, not " + line);
            assertEquals(2L, selected());
        }
    }

    @Test
    void stepThisOrderSaysSoWhenNoOrderIsSelected(FxRobot robot) {
        robot.interact(() -> window.controller().stepFollowedOrder());
        assertTrue(playback().statusTextProperty().get().startsWith("Select an order first"));
        assertTrue(((Button) robot.lookup("#stepOrderButton").query()).isDisabled());
    }

    @Test
    void theNarrationFollowsNewLinesUnlessTheUserScrolledUpAndNewestBringsItBack(FxRobot robot) {
        ListView<NarrationLine> narration = robot.lookup("#narrationList").query();
        Button newest = robot.lookup("#newestLineButton").query();
        robot.clickOn("#placeOrderButton");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#placeOrderButton");
            robot.interact(() -> playback().advanceBy(500));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(narration.getItems().size() > 40, "lines enough to scroll: " + narration.getItems().size());
        var vf = (javafx.scene.control.skin.VirtualFlow<?>) narration.lookup(".virtual-flow");
        assertTrue(lastLineVisible(narration), "new lines scroll into view: following "
                + window.controller().followNewestLineProperty().get() + ", last visible "
                + (vf.getLastVisibleCell() == null ? null : vf.getLastVisibleCell().getIndex()) + " first visible "
                + (vf.getFirstVisibleCell() == null ? null : vf.getFirstVisibleCell().getIndex())
                + " of " + narration.getItems().size() + ", list height " + narration.getHeight());
        assertFalse(newest.isVisible());

        // the mouse wheel, as the list's VirtualFlow receives it (Monocle's robot has no wheel)
        robot.interact(() -> javafx.event.Event.fireEvent(vf, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                0, 400, 0, 400, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.controller().followNewestLineProperty().get(), "scrolled up: no longer following; first visible "
                + (vf.getFirstVisibleCell() == null ? null : vf.getFirstVisibleCell().getIndex()));
        assertTrue(newest.isVisible(), "a button returns to the newest line");
        robot.interact(() -> playback().advanceBy(2000));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lastLineVisible(narration), "the lines the user reads stay put");

        robot.clickOn("#newestLineButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lastLineVisible(narration));
        robot.interact(() -> playback().advanceBy(2000));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lastLineVisible(narration), "following again");
    }

    @Test
    void heartbeatsAreHiddenUntilAskedFor(FxRobot robot) {
        robot.interact(() -> window.viewModel().open(load("instance-failover.json"), "instance-failover.json"));
        robot.interact(() -> playback().advanceBy(3000));
        NarrationViewModel narration = window.viewModel().narration();
        assertTrue(narration.lines().stream().anyMatch(line -> NarrationViewModel.isBackground(line.event())),
                "the flow has heartbeats");
        assertTrue(narration.shownLines().stream().noneMatch(line -> NarrationViewModel.isBackground(line.event())));
        robot.clickOn("#showBackgroundToggle");
        assertTrue(narration.shownLines().stream().anyMatch(line -> NarrationViewModel.isBackground(line.event())));
    }

    private static dev.switchboard.flow.Flow load(String sample) {
        try {
            return SampleFlows.byFileName(sample).orElseThrow().load();
        } catch (dev.switchboard.flow.FlowException e) {
            throw new AssertionError(sample + " does not load", e);
        }
    }

    private static boolean lastLineVisible(ListView<NarrationLine> list) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        var last = flow.getLastVisibleCell();
        return last != null && last.getIndex() == list.getItems().size() - 1;
    }
}
