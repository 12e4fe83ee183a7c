package dev.switchboard.ui.compare;

import dev.switchboard.compare.CompareFigure;
import dev.switchboard.compare.FigureTable;
import dev.switchboard.compare.Side;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.trace.TraceListener;
import dev.switchboard.ui.LaunchOptions;
import dev.switchboard.ui.MainWindow;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compare mode opened from the real main window on the hybrid sample (headless under Monocle, a
 * 1920×1080 screen, the real FXML and CSS); the virtual clock is moved explicitly through the view model.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private MainWindow window;
    private CompareWindow compare;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive().withFlow("hybrid-order.json"));
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    private CompareWindow openFromMenu(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").query();
        MenuItem item = menuBar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "compareMenuItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        CompareWindow[] opened = new CompareWindow[1];
        robot.interact(() -> opened[0] = window.controller().openCompareWindow());
        compare = opened[0];
        assertTrue(compare.stage().isShowing());
        return compare;
    }

    private CompareViewModel vm() {
        return compare.controller().viewModel();
    }

    private <T extends Node> T find(String id) {
        T node = (T) compare.stage().getScene().lookup(id);
        assertNotNull(node, id);
        return node;
    }

    /** Opens compare mode, enters presenter mode with F5 and plays both sides for {@code virtualMs}. */
    private void presenterAfter(FxRobot robot, double virtualMs) {
        openFromMenu(robot);
        robot.interact(() -> compare.stage().requestFocus());
        robot.type(KeyCode.F5);
        advance(robot, virtualMs);
    }

    private void advance(FxRobot robot, double virtualMs) {
        robot.interact(() -> vm().advanceBy(virtualMs));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Records one side's CommandApplied events. */
    private static final class Commands implements TraceListener {
        final List<TraceEvent.CommandApplied> applied = new ArrayList<>();

        @Override
        public void onEvent(TraceEvent event) {
            if (event instanceof TraceEvent.CommandApplied c) {
                applied.add(c);
            }
        }
    }

    @Test
    void theViewMenuOpensCompareModeOnTheCurrentFlowWithSyncAgainstQueue(FxRobot robot) {
        openFromMenu(robot);
        assertEquals(CompareWindow.TITLE_PREFIX + window.viewModel().playback().getFlow().name(), compare.stage().getTitle());
        assertEquals("Left: order->kitchen sync", this.<Label>find("#leftLabel").getText());
        assertEquals("Right: order->kitchen queue", this.<Label>find("#rightLabel").getText());
        assertEquals("sync-vs-queue", vm().presetProperty().get().name());
        assertEquals(window.viewModel().playback().getFlow(), vm().baseFlow());
        assertNotNull(find("#leftDiagramView"));
        assertNotNull(find("#rightDiagramView"));
    }

    @Test
    void kInTheMainWindowOpensCompareMode(FxRobot robot) {
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(CompareWindow.TITLE_PREFIX)));
        robot.interact(() -> window.controller().openCompareWindow().stage().close());
    }

    @Test
    void afterAFewVirtualSecondsTheTableShowsTheComparisonsFigures(FxRobot robot) {
        openFromMenu(robot);
        advance(robot, 6_000);
        assertEquals(6_000, vm().getNowMs(), 1e-9);
        TableView<FigureTable.Row> table = find("#compareTable");
        FigureTable figures = vm().comparison().figures();
        assertEquals(figures.rows(), table.getItems());
        assertEquals(CompareFigure.values().length, table.getItems().size());
        assertTrue(figures.row(CompareFigure.ACCEPT_P50_MS).left() > 0, "orders were accepted on the left by 6 s");
        String shown = robot.lookup("#compareRow-acceptLatencyP50Ms").queryAs(javafx.scene.control.TableRow.class)
                .getChildrenUnmodifiable().stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .reduce("", (a, b) -> a + "|" + b);
        assertTrue(shown.contains(CompareController.format(CompareFigure.ACCEPT_P50_MS,
                figures.row(CompareFigure.ACCEPT_P50_MS).left())), shown);
    }

    @Test
    void aSliderSetToBothLandsOnBothSidesAtTheSameVirtualTimeAndSetToLeftOnlyOnTheLeft(FxRobot robot) {
        openFromMenu(robot);
        Commands left = new Commands();
        Commands right = new Commands();
        robot.interact(() -> {
            vm().addSideListener(Side.LEFT, left);
            vm().addSideListener(Side.RIGHT, right);
        });
        advance(robot, 2_000);
        Slider slowdown = find("#slowdownSlider");
        robot.interact(() -> slowdown.setValue(4));
        assertEquals(1, left.applied.size());
        assertEquals(1, right.applied.size());
        assertEquals(new Command.SetSlowdown(dev.switchboard.model.ServiceId.KITCHEN, 4), left.applied.get(0).command());
        assertEquals(left.applied.get(0), right.applied.get(0), "the same command at the same virtual time");
        assertEquals(2_000, left.applied.get(0).timeMs(), 1e-9);
        assertTrue(this.<Label>find("#compareChange").getText().contains("on both sides at t = 2.000 s"),
                this.<Label>find("#compareChange").getText());

        advance(robot, 500);
        robot.clickOn("#latencyTarget-left");
        Slider latency = find("#latencySlider");
        robot.interact(() -> latency.setValue(300));
        assertEquals(2, left.applied.size());
        assertEquals(1, right.applied.size(), "Left only: the right side got nothing");
        assertTrue(left.applied.get(1).command() instanceof Command.SetLinkLatency);
        assertEquals(2_500, left.applied.get(1).timeMs(), 1e-9);
        assertTrue(this.<Label>find("#compareChange").getText().contains("on the left side"));
    }

    @Test
    void theBranchListReturnsBothSidesToTheRunAChangeInThePastLeft(FxRobot robot) {
        openFromMenu(robot);
        advance(robot, 5_000);
        javafx.scene.control.ComboBox<dev.switchboard.compare.CompareBranch> branches = find("#compareBranchChoice");
        assertEquals(1, branches.getItems().size());
        assertEquals("Branch 1", branches.getButtonCell().getText());
        robot.interact(() -> this.<Slider>find("#compareTimeline").setValue(2_000));
        assertEquals(2_000, vm().getNowMs(), 1e-9);
        robot.clickOn("#comparePlaceOrder");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, branches.getItems().size(), "placing an order in the past forked both sides");
        assertEquals("Branch 2 (from 2.000 s)", branches.getButtonCell().getText());

        robot.interact(() -> branches.getSelectionModel().select(0));   // what choosing it in the open list does
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm().currentBranchProperty().get().number());
        assertEquals(5_000, vm().getNowMs(), 1e-9, "the old branch at its newest moment");
        assertEquals("Branch 1", branches.getButtonCell().getText());
        assertEquals("t = " + dev.switchboard.trace.Numbers.clock(5_000), this.<Label>find("#compareClock").getText());
    }

    @Test
    void theVerdictAppearsOnTheButtonAndWhenTheRunEnds(FxRobot robot) {
        openFromMenu(robot);
        advance(robot, 5_000);
        robot.clickOn("#compareVerdictButton");
        String verdict = this.<Label>find("#compareVerdict").getText();
        assertEquals(vm().comparison().verdict(), verdict);
        assertTrue(verdict.startsWith("With order->kitchen queue (right) instead of order->kitchen sync (left)"), verdict);
        for (int i = 0; i < 200 && !vm().finishedProperty().get(); i++) {
            advance(robot, 10_000);
        }
        assertTrue(vm().finishedProperty().get(), "the hybrid sample's orders all ran");
        assertEquals(vm().comparison().verdict(), this.<Label>find("#compareVerdict").getText(), "worded again at the end");
    }

    @Test
    void withSyncAgainstQueueOnASlowKitchenTheLeftTellsCustomersLater(FxRobot robot) {
        openFromMenu(robot);
        Slider slowdown = find("#slowdownSlider");
        robot.interact(() -> slowdown.setValue(5));
        advance(robot, 30_000);
        FigureTable.Row accept = vm().figureRows().stream().filter(r -> r.figure() == CompareFigure.ACCEPT_P50_MS)
                .findFirst().orElseThrow();
        assertTrue(accept.left() > accept.right(), "sync p50 " + accept.left() + " against queue " + accept.right());
        assertFalse(accept.aboutTheSame());
        javafx.scene.control.TableRow<?> row = robot.lookup("#compareRow-acceptLatencyP50Ms").queryAs(javafx.scene.control.TableRow.class);
        Node difference = row.getChildrenUnmodifiable().get(row.getChildrenUnmodifiable().size() - 1);
        assertTrue(difference.getStyleClass().containsAll(List.of(CompareController.DIFFERS, CompareController.BETTER)),
                "the right side tells customers sooner: " + difference.getStyleClass());
        FigureTable.Row alike = vm().figureRows().stream().filter(FigureTable.Row::aboutTheSame).findFirst().orElseThrow();
        TableView<FigureTable.Row> table = find("#compareTable");
        robot.interact(() -> table.scrollTo(alike));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableRow<?> alikeRow = robot.lookup("#compareRow-" + alike.figure().key())
                .queryAs(javafx.scene.control.TableRow.class);
        Node same = alikeRow.getChildrenUnmodifiable().get(alikeRow.getChildrenUnmodifiable().size() - 1);
        assertFalse(same.getStyleClass().contains(CompareController.DIFFERS), alike + " " + same.getStyleClass());
    }

    @Test
    void followingAnOrderSelectsItOnBothDiagramsAndShowsItsStatusOnEachSide(FxRobot robot) {
        openFromMenu(robot);
        advance(robot, 3_000);
        robot.clickOn("#compareFollowOrder").write("1").type(KeyCode.ENTER);
        assertEquals(1L, vm().selectedOrderProperty().get());
        assertEquals(1L, compare.controller().diagramView(Side.LEFT).getSelectedOrder());
        assertEquals(1L, compare.controller().diagramView(Side.RIGHT).getSelectedOrder());
        assertTrue(this.<Label>find("#leftOrderStatus").getText().startsWith("#1 "));
        assertTrue(this.<Label>find("#rightOrderStatus").getText().startsWith("#1 "));
    }

    @Test
    void playPauseStepOrderAndBurstKeysActOnBothSides(FxRobot robot) {
        openFromMenu(robot);
        Commands left = new Commands();
        Commands right = new Commands();
        robot.interact(() -> {
            vm().addSideListener(Side.LEFT, left);
            vm().addSideListener(Side.RIGHT, right);
            compare.stage().requestFocus();
        });
        robot.type(KeyCode.SPACE);
        assertTrue(vm().playingProperty().get());
        robot.type(KeyCode.PERIOD);
        assertFalse(vm().playingProperty().get());
        double before = vm().getNowMs();
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(before + CompareViewModel.STEP_MS, vm().getNowMs(), 1e-9);
        robot.type(KeyCode.O);
        robot.push(KeyCode.SHIFT, KeyCode.B);
        assertEquals(List.of(new Command.PlaceOrders(1), new Command.PlaceOrders(CompareViewModel.BURST_SIZE)),
                left.applied.stream().map(TraceEvent.CommandApplied::command).toList());
        assertEquals(left.applied, right.applied);
    }

    @Test
    void f5EntersPresenterModeWithLargeTextOnBothDiagramsAndEscLeavesIt(FxRobot robot) {
        openFromMenu(robot);
        robot.interact(() -> compare.stage().requestFocus());
        Rectangle2D screen = Screen.getPrimary().getBounds();
        robot.type(KeyCode.F5);
        assertTrue(vm().presenterModeProperty().get());
        assertEquals(screen.getWidth(), compare.stage().getWidth(), 1);
        assertEquals(screen.getHeight(), compare.stage().getHeight(), 1);
        assertTrue(compare.controller().diagramView(Side.LEFT).largeTextProperty().get());
        assertTrue(compare.controller().diagramView(Side.RIGHT).largeTextProperty().get());
        assertFalse(find("#comparePanels").isVisible(), "the table and the controls step aside");
        assertTrue(find("#compareVerdict").isVisible());
        robot.type(KeyCode.ESCAPE);
        assertFalse(vm().presenterModeProperty().get());
        assertFalse(compare.controller().diagramView(Side.LEFT).largeTextProperty().get());
        assertTrue(find("#comparePanels").isVisible());
        assertTrue(compare.stage().getWidth() < screen.getWidth());
    }

    /**
     * Two diagrams share the 1920 × 1080 screen, so each is laid out at about half the main window's
     * presenter size: its service names are at least 24 px tall and its body text at least 14 px (the main
     * window's single diagram reaches 30 and 18), drawn as text at that size, not scaled.
     */
    @Test
    void inPresenterModeAt1920BothDiagramsAreLegible(FxRobot robot) {
        presenterAfter(robot, 2_000);
        assertEquals(Screen.getPrimary().getBounds().getWidth(), compare.stage().getWidth(), 1);
        for (Side side : Side.values()) {
            dev.switchboard.ui.diagram.DiagramView view = compare.controller().diagramView(side);
            for (String service : List.of("order", "inventory", "kitchen", "delivery")) {
                Node box = view.lookup("#service-" + service);
                javafx.scene.text.Text title = (javafx.scene.text.Text) box.lookup(".node-title .text");
                javafx.scene.text.Text status = (javafx.scene.text.Text) box.lookup(".node-status .text");
                double titlePx = title.localToScene(title.getLayoutBounds()).getHeight();
                double statusPx = status.localToScene(status.getLayoutBounds()).getHeight();
                assertTrue(titlePx >= 24, side + " " + service + " name is " + titlePx + " px tall");
                assertTrue(statusPx >= 14, side + " " + service + " status is " + statusPx + " px tall");
                for (Node n = title; n != view; n = n.getParent()) {
                    assertEquals(1, n.getLocalToParentTransform().getMxx(), 1e-9, "no scale on " + n);
                }
            }
        }
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void inPresenterModeEachSideHasALargeCaptionOfWhatJustHappenedThere(FxRobot robot) {
        presenterAfter(robot, 3_000);
        for (String id : List.of("#leftCaption", "#rightCaption")) {
            javafx.scene.control.Label caption = find(id);
            assertTrue(caption.isVisible(), id);
            assertTrue(caption.getText().matches("\\d+\\.\\d{3} s  \\S.*"), id + ": " + caption.getText());
            assertTrue(caption.getFont().getSize() >= 18, id + " is " + caption.getFont().getSize() + " px");
            assertTrue(caption.getHeight() >= 2 * caption.getFont().getSize(), id + " holds two lines");
        }
        assertEquals(vm().captionProperty(Side.LEFT).get(), ((javafx.scene.control.Label) find("#leftCaption")).getText());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theNarrationsLongestSentenceFitsEachSidesCaptionAt1024AndInPresenterModeAt1920(FxRobot robot) {
        openFromMenu(robot);
        javafx.scene.control.Label caption = find("#leftCaption");
        for (int i = 0; i < 400 && !caption.getText().contains("can do nothing else until"); i++) {
            advance(robot, 25);
        }
        assertTrue(caption.getText().contains("can do nothing else until"), "a worker blocked on the stock check: " + caption.getText());
        for (boolean presenter : new boolean[] {false, true}) {
            robot.interact(() -> {
                vm().presenterModeProperty().set(presenter);
                compare.stage().setFullScreen(false);
                compare.stage().setWidth(presenter ? 1920 : 1024);
                compare.stage().setHeight(presenter ? 1080 : 768);
            });
            robot.interact(() -> compare.stage().getScene().getRoot().layout());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), dev.switchboard.testing.CutText.under(caption).cut(), presenter ? "presenter" : "normal");
        }
        robot.interact(() -> vm().presenterModeProperty().set(false));
    }

    @Test
    void noTextIsCutShortAt1024And1920InEitherModeOrTheme(FxRobot robot) {
        openFromMenu(robot);
        robot.interact(() -> {
            vm().selectedOrderProperty().set(3L);
            vm().advanceBy(8_000);
            vm().updateVerdict();
        });
        for (boolean presenter : new boolean[] {false, true}) {
            for (boolean dark : new boolean[] {false, true}) {
                for (double[] size : new double[][] {{1024, 768}, {1920, 1080}}) {
                    robot.interact(() -> {
                        vm().presenterModeProperty().set(presenter);
                        window.viewModel().darkThemeProperty().set(dark);
                        compare.stage().setFullScreen(false);
                        compare.stage().setWidth(size[0]);
                        compare.stage().setHeight(size[1]);
                        vm().advanceBy(250);
                    });
                    robot.interact(() -> compare.stage().getScene().getRoot().layout());
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = (presenter ? "presenter" : "normal") + (dark ? " dark" : " light") + " at "
                            + (int) size[0] + "×" + (int) size[1];
                    javafx.scene.control.TabPane tabs = find("#compareTabs");
                    for (int tab = 0; tab < tabs.getTabs().size(); tab++) {
                        int shown = tab;
                        robot.interact(() -> {
                            tabs.getSelectionModel().select(shown);
                            compare.stage().getScene().getRoot().layout();
                        });
                        WaitForAsyncUtils.waitForFxEvents();
                        String at = where + ", tab " + tabs.getTabs().get(tab).getText();
                        dev.switchboard.testing.CutText text = dev.switchboard.testing.CutText.under(
                                compare.stage().getScene().getRoot());
                        assertTrue(text.checked() > (presenter ? 4 : 12), at + ": the check saw " + text.checked() + " labels");
                        assertEquals(List.of(), text.cut(), "text cut short, " + at);
                    }
                }
            }
        }
        robot.interact(() -> vm().presenterModeProperty().set(false));
    }

    @Test
    void theWaterfallsTabShowsTheFollowedOrdersTwoWaterfallsSideBySide(FxRobot robot) {
        openFromMenu(robot);
        robot.interact(() -> {
            vm().selectedOrderProperty().set(2L);
            vm().advanceBy(8_000);
            javafx.scene.control.TabPane tabs = find("#compareTabs");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "waterfallTab".equals(t.getId())).findFirst().orElseThrow());
            compare.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region left = find("#leftWaterfall");
        javafx.scene.layout.Region right = find("#rightWaterfall");
        assertTrue(left.isVisible() && right.isVisible());
        assertTrue(left.getWidth() > 200 && right.getWidth() > 200, left.getWidth() + " and " + right.getWidth() + " px wide");
        assertTrue(left.localToScene(left.getLayoutBounds()).getMaxX() <= right.localToScene(right.getLayoutBounds()).getMinX(),
                "left beside right");
        assertTrue(vm().followedTimeline(Side.LEFT).isPresent() && vm().followedTimeline(Side.RIGHT).isPresent());
        assertTrue(left.getHeight() > 48 + 5 * 22, "a row per span: " + left.getHeight() + " px");
    }

    @Test
    void theDarkThemeFollowsTheMainWindows(FxRobot robot) {
        openFromMenu(robot);
        robot.interact(() -> window.viewModel().darkThemeProperty().set(true));
        assertTrue(compare.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("/styles/dark.css")));
        robot.interact(() -> window.viewModel().darkThemeProperty().set(false));
        assertFalse(compare.stage().getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("/styles/dark.css")));
    }
}
