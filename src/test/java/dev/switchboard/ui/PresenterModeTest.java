package dev.switchboard.ui;

import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.testing.CutText;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.CustomerGauge;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.ui.diagram.DiagramView;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presenter mode and the clicker's keys in the real window (headless, a 1920×1080 screen): full
 * screen, panels aside, the caption bar, blanking, beats on the number keys, the customer gauge,
 * the diagram filling its space with large text, and nothing cut short at the sizes a room has.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private final TestFlows.Recorder recorder = new TestFlows.Recorder();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> fxErrors.add(error));
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> fxErrors.add(error));
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().playback().addListener(recorder);
        window.viewModel().open(TestFlows.quietHybrid().withBeats(TestFlows.hybrid().beats()), "test");
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

    private PlaybackViewModel playback() {
        return window.viewModel().playback();
    }

    private PresenterView presenter() {
        return window.controller().presenter();
    }

    private boolean inScene(String id) {
        return window.scene().getRoot().lookup(id) != null;
    }

    @Test
    void theControlsLoggerPassesOnWarningsButNotTheCellSizeFalseAlarmAtInfo() {
        // JavaFX's VirtualFlow logs "index exceeds maxCellCount" at INFO whenever the narration, scrolled to
        // its end with room below its last line, has more lines than pixels left (it compares the two);
        // toggling presenter mode changes the line heights and so logged it (MainWindowTest, this class).
        java.util.logging.Logger controls = java.util.logging.Logger.getLogger(ControlsLog.LOGGER_NAME);
        assertFalse(controls.isLoggable(java.util.logging.Level.INFO));
        assertTrue(controls.isLoggable(java.util.logging.Level.WARNING));
    }

    @Test
    void f5EntersPresenterModeCoveringTheScreenAndEscLeavesIt(FxRobot robot) {
        Rectangle2D screen = Screen.getPrimary().getBounds();
        assertTrue(inScene("#controlPanelRoot"));
        robot.type(KeyCode.F5);
        assertTrue(window.viewModel().presenterModeProperty().get());
        assertEquals(screen.getWidth(), stage.getWidth(), 1, "the window is as wide as the screen");
        assertEquals(screen.getHeight(), stage.getHeight(), 1, "and as high");
        assertFalse(inScene("#controlPanelRoot"), "the controls panel is out of the way");
        assertFalse(inScene("#narrationList"), "so are the narration and orders panes");
        assertTrue(robot.lookup("#captionBar").query().isVisible());
        robot.type(KeyCode.C);
        assertTrue(inScene("#controlPanelRoot"), "C brings the panels back");
        robot.type(KeyCode.C);
        assertFalse(inScene("#controlPanelRoot"));
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.viewModel().presenterModeProperty().get());
        assertTrue(stage.getWidth() < screen.getWidth(), "the window has its own size again: " + stage.getWidth());
        assertTrue(inScene("#controlPanelRoot"));
        assertFalse(robot.lookup("#captionBar").query().isVisible());
    }

    @Test
    void periodPausesAndResumes(FxRobot robot) {
        robot.interact(() -> playback().placeOrder());
        robot.type(KeyCode.PERIOD);
        assertTrue(playback().isPlaying());
        robot.type(KeyCode.PERIOD);
        assertFalse(playback().isPlaying());
    }

    @Test
    void bBlanksTheScreenAndAnyKeyBringsItBackWithoutDoingAnythingElse(FxRobot robot) {
        robot.type(KeyCode.B);
        Node blank = robot.lookup("#blankScreen").query();
        assertTrue(blank.isVisible());
        assertEquals(stage.getScene().getWidth(), blank.getBoundsInParent().getWidth(), 1, "over the whole window");
        assertEquals(0, recorder.all(TraceEvent.OrderPlaced.class).size(), "b places no orders");
        robot.type(KeyCode.O);
        assertFalse(blank.isVisible());
        assertEquals(0, recorder.all(TraceEvent.OrderPlaced.class).size(), "the key that woke the screen did nothing else");
        robot.push(KeyCode.SHIFT, KeyCode.B);
        assertEquals(PlaybackViewModel.BURST_SIZE, recorder.all(TraceEvent.OrderPlaced.class).size(), "Shift+B places the burst");
    }

    @Test
    void pageDownStepsWithoutMovingTheNarrationSelectionAndPageUpStepsBack(FxRobot robot) {
        robot.interact(() -> playback().placeOrder());
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                playback().step();
            }
        });
        ListView<NarrationLine> narration = robot.lookup("#narrationList").query();
        robot.interact(() -> narration.getSelectionModel().clearAndSelect(0));
        long before = playback().executedEvents();
        Label caption = robot.lookup("#captionLabel").query();
        List<NarrationLine> lines = window.viewModel().narration().lines();
        String captionBefore = caption.getText();
        assertEquals(lines.get(lines.size() - 1).text(), captionBefore, "the caption is the latest line");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(before + 1, playback().executedEvents(), "Page Down stepped one event");
        assertEquals(0, narration.getSelectionModel().getSelectedIndex(), "the narration selection stayed");
        String captionAfter = caption.getText();
        assertEquals(lines.get(lines.size() - 1).text(), captionAfter, "the caption is the latest line");
        assertNotEquals(captionBefore, captionAfter);
        robot.type(KeyCode.PAGE_UP);
        assertEquals(before, playback().executedEvents(), "Page Up stepped back");
        assertEquals(captionBefore, caption.getText(), "and the caption is what it was there");
        assertTrue(playback().isInPast());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(before + 1, playback().executedEvents());
        assertEquals(captionAfter, caption.getText());
    }

    @Test
    void numberKeysApplyTheFlowsBeatsAndTheirNamesAreShown(FxRobot robot) {
        robot.type(KeyCode.F5);
        Label legend = robot.lookup("#beatsLabel").query();
        assertTrue(legend.isVisible());
        assertTrue(legend.getText().contains("[1] Kitchen slows to ×5"), legend.getText());
        assertTrue(legend.getText().contains("[2] Order→Kitchen becomes sync"), legend.getText());
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.DIGIT2);
        List<Command> applied = recorder.all(TraceEvent.CommandApplied.class).stream().map(TraceEvent.CommandApplied::command).toList();
        assertEquals(List.of(new Command.SetSlowdown(ServiceId.KITCHEN, 5),
                new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC)), applied);
        assertEquals(LinkStyle.SYNC, window.viewModel().controls().linkProperty(LinkId.ORDER_KITCHEN).get().style());
        robot.type(KeyCode.DIGIT9);
        assertEquals(2, recorder.all(TraceEvent.CommandApplied.class).size(), "a key without a beat does nothing");
    }

    @Test
    void theGaugeShowsTheSameFiguresAsTheMetrics(FxRobot robot) throws FlowException {
        Metrics metrics = new Metrics();
        robot.interact(() -> {
            playback().addListener(RunListener.of(metrics, () -> { }));
            try {
                // Inventory slow enough that Order workers block and orders queue up for them.
                window.viewModel().open(FlowLoader.loadSample("hybrid-order.json").withOrderCount(40), "test");
            } catch (FlowException e) {
                throw new IllegalStateException(e);
            }
            playback().submit(() -> new Command.SetSlowdown(ServiceId.INVENTORY, 40));
            playback().advanceBy(12_000);
            window.controller().diagramView().render(playback().getNowMs());
        });
        CustomerGauge.Reading r = window.controller().gauge().reading();
        Report report = metrics.report();
        assertTrue(r.acceptedCount() > 5 && r.acceptedCount() <= CustomerGauge.DEFAULT_WINDOW, "accepted " + r.acceptedCount());
        assertEquals(report.acceptLatencyMs().count(), r.acceptedCount());
        assertEquals(report.acceptLatencyMs().p50(), r.acceptP50Ms());
        assertEquals(report.acceptLatencyMs().p95(), r.acceptP95Ms());
        assertEquals(report.deliveryLatencyMs().count(), r.deliveredCount());
        assertEquals(report.deliveryLatencyMs().p50(), r.deliveryP50Ms());
        assertEquals(report.deliveryLatencyMs().p95(), r.deliveryP95Ms());
        var order = window.controller().diagramState().service(ServiceId.ORDER);
        int blocked = (int) order.workers().stream().filter(w -> w.state() == WorkerState.BLOCKED).count();
        assertTrue(blocked > 0, "Order workers are blocked on the slow Inventory");
        assertEquals(blocked, r.orderWorkersBlocked());
        assertEquals(order.directBacklog().size(), r.ordersWaiting());
        assertEquals(Integer.toString(blocked), ((Label) robot.lookup("#gauge-blocked").query()).getText());
        assertEquals(Integer.toString(r.ordersWaiting()), ((Label) robot.lookup("#gauge-waiting").query()).getText());
        assertNotEquals("—", ((Label) robot.lookup("#gauge-accept").query()).getText());
    }

    @Test
    void inPresenterModeTheDiagramFillsTheScreenWithLargeText(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.interact(() -> window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        DiagramView diagram = window.controller().diagramView();
        Bounds view = diagram.localToScene(diagram.getLayoutBounds());
        Bounds inventory = robot.lookup("#service-inventory").query().localToScene(
                robot.lookup("#service-inventory").query().getLayoutBounds());
        Bounds kitchen = robot.lookup("#service-kitchen").query().localToScene(
                robot.lookup("#service-kitchen").query().getLayoutBounds());
        Bounds delivery = robot.lookup("#service-delivery").query().localToScene(
                robot.lookup("#service-delivery").query().getLayoutBounds());
        double diagramHeight = delivery.getMaxY() - inventory.getMinY();
        assertTrue(diagramHeight > 0.85 * view.getHeight(), "the diagram fills the height it has: " + diagramHeight
                + " of " + view.getHeight());
        // A 16:10 diagram on a wider stage: the height is what limits it; the width is shared with margins.
        assertTrue(kitchen.getMaxX() - inventory.getMinX() > 0.55 * view.getWidth(), "and much of its width");
        for (String service : List.of("order", "inventory", "kitchen", "delivery")) {
            Node box = robot.lookup("#service-" + service).query();
            Text title = (Text) box.lookup(".node-title .text");
            assertTrue(height(title) >= 30, service + " name is " + height(title) + " px tall");
            Text status = (Text) box.lookup(".node-status .text");
            assertTrue(height(status) >= 18, service + " status is " + height(status) + " px tall");
            // Laid out at the size shown, not scaled: text stays text (glyphs, not paths).
            for (Node n = title; n != null; n = n.getParent()) {
                assertEquals(1, n.getLocalToParentTransform().getMxx(), 1e-9, "no scale on " + n);
            }
        }
    }

    private static double height(Node text) {
        return text.localToScene(text.getLayoutBounds()).getHeight();
    }

    @Test
    void theWheelZoomsDraggingPansAndZeroFitsAgain(FxRobot robot) {
        DiagramView diagram = window.controller().diagramView();
        Node kitchen = robot.lookup("#service-kitchen").query();
        robot.interact(() -> window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = kitchen.localToScene(kitchen.getLayoutBounds()).getWidth();
        String fittedSize = diagram.getWidth() + "x" + diagram.getHeight();
        Bounds at = kitchen.localToScene(kitchen.getLayoutBounds());
        javafx.geometry.Point2D about = diagram.sceneToLocal(at.getCenterX(), at.getCenterY());
        for (int notch = 0; notch < 3; notch++) {
            // One notch of the wheel away from the user (positive deltaY), at the Kitchen box.
            robot.interact(() -> diagram.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                    about.getX(), about.getY(), 0, 0, false, false, false, false, false, false, 0, 40, 0, 40,
                    javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        }
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = kitchen.localToScene(kitchen.getLayoutBounds()).getWidth();
        assertTrue(zoomed > fitted * 1.15, "the wheel zoomed in: " + fitted + " → " + zoomed);
        double before = kitchen.localToScene(kitchen.getLayoutBounds()).getMinX();
        robot.drag(diagram, MouseButton.PRIMARY).moveBy(-120, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double after = kitchen.localToScene(kitchen.getLayoutBounds()).getMinX();
        assertEquals(before - 120, after, 3, "dragging panned the diagram");
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        // Fitted: the diagram's 1200 × 750 at the zoom that fits the view (in steps of 0.02), the Kitchen box 310 wide.
        double fit = Math.round(Math.min(diagram.getWidth() / 1200, diagram.getHeight() / 750) / 0.02) * 0.02;
        assertEquals(310 * fit, kitchen.localToScene(kitchen.getLayoutBounds()).getWidth(), 0.5, "0 fits it again at "
                + diagram.getWidth() + "×" + diagram.getHeight() + " (fitted first at " + fittedSize + ")");
    }

    @Test
    void noTextIsCutShortAtTheRoomsSizesInAnyMode(FxRobot robot) throws IOException {
        robot.interact(() -> {
            playback().advanceBy(1);
            playback().placeBurst();
            playback().advanceBy(6_000);
        });
        for (boolean presenterMode : new boolean[] {false, true}) {
            for (boolean dark : new boolean[] {false, true}) {
                for (double[] size : new double[][] {{1024, 768}, {1400, 900}, {1920, 1080}}) {
                    robot.interact(() -> {
                        window.viewModel().presenterModeProperty().set(presenterMode);
                        window.viewModel().darkThemeProperty().set(dark);
                        // Presenter mode covers the screen; the window is sized by hand to stand for smaller screens.
                        stage.setFullScreen(false);
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                        playback().advanceBy(250);
                    });
                    robot.interact(() -> window.scene().getRoot().layout());
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = (presenterMode ? "presenter" : "normal") + (dark ? " dark" : " light") + " at "
                            + (int) size[0] + "×" + (int) size[1];
                    assertEquals(size[0], window.scene().getWidth(), 1, where);
                    CutText text = CutText.under(window.scene().getRoot());
                    assertTrue(text.checked() > 30, where + ": the check saw " + text.checked() + " labels");
                    assertEquals(List.of(), text.cut(), "text cut short, " + where);
                    String dir = System.getProperty("switchboard.snapshotDir");
                    if (dir != null) {
                        robot.interact(() -> {
                            try {
                                Screenshots.writePng(window.scene().snapshot(null), Path.of(dir, "window-"
                                        + (presenterMode ? "presenter-" : "") + (dark ? "dark-" : "") + (int) size[0] + ".png"));
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                    }
                }
            }
        }
    }

    @Test
    void theNarrationsCountFitsBesideItsButtonsAt1024OnceOldLinesAreDropped(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            while (window.viewModel().narration().lines().size() < NarrationViewModel.MAX_LINES) {
                playback().placeBurst();
                playback().advanceBy(2_000);
            }
            playback().advanceBy(2_000);
        });
        robot.interact(() -> window.scene().getRoot().layout());
        Label summary = robot.lookup("#narrationSummaryLabel").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("last 5,000 of "), summary.getText());
        assertEquals(List.of(), CutText.under(summary).cut(), "the count over the narration at 1024 × 768");
    }

    @Test
    void anOrdersHistoryWrapsItsLinesInsteadOfScrollingSideways(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            playback().placeOrder();
            playback().advanceBy(20_000);
            window.viewModel().orders().selectedOrderProperty().set(1L);
        });
        robot.interact(() -> window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> history = robot.lookup("#orderHistoryList").queryAs(ListView.class);
        assertTrue(history.getItems().size() >= 6, "order #1's history: " + history.getItems());
        for (Node bar : history.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar scroll
                    && scroll.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertFalse(scroll.isVisible(), "a " + history.getWidth() + " px wide history needs no sideways scrolling");
            }
        }
    }

    @Test
    void theLongestOrderStatusFitsItsColumnAt1024AndWithThePresentersPanelsBack(FxRobot robot) {
        robot.interact(() -> {
            playback().placeOrder();
            for (int i = 0; i < 200 && window.viewModel().orders().row(1).map(row -> row.getStatus())
                    .orElse(null) != dev.switchboard.model.OrderStatus.OUT_FOR_DELIVERY; i++) {
                playback().step();
            }
        });
        assertEquals(dev.switchboard.model.OrderStatus.OUT_FOR_DELIVERY,
                window.viewModel().orders().row(1).orElseThrow().getStatus());
        for (boolean presenterMode : new boolean[] {false, true}) {
            for (double[] size : new double[][] {{1024, 768}, {1920, 1080}}) {
                robot.interact(() -> {
                    window.viewModel().presenterModeProperty().set(presenterMode);
                    presenter().setPanelsShown(true);
                    stage.setFullScreen(false);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                robot.interact(() -> window.scene().getRoot().layout());
                WaitForAsyncUtils.waitForFxEvents();
                String where = (presenterMode ? "presenter with its panels" : "normal") + " at " + (int) size[0];
                CutText table = CutText.under(robot.lookup("#ordersTable").query());
                assertTrue(table.checked() >= 4, where + ": the headers and order #1's cells");
                assertEquals(List.of(), table.cut(), "the orders table, " + where);
            }
        }
    }

    @Test
    void theQueuesPlusKChipIsReadableInEveryTheme(FxRobot robot) {
        robot.interact(() -> {
            playback().submit(() -> new Command.SetWorkers(ServiceId.KITCHEN, 1));
            for (int i = 0; i < 4; i++) {
                playback().placeBurst();
            }
            playback().advanceBy(2_000);
        });
        for (boolean presenterMode : new boolean[] {false, true}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    window.viewModel().presenterModeProperty().set(presenterMode);
                    window.viewModel().darkThemeProperty().set(dark);
                    playback().advanceBy(1);
                });
                robot.interact(() -> window.scene().getRoot().applyCss());
                WaitForAsyncUtils.waitForFxEvents();
                String where = (presenterMode ? "presenter" : "normal") + (dark ? " dark" : " light");
                Label more = robot.lookup("#broker-queue").lookup(".more-chip").queryAs(Label.class);
                javafx.scene.paint.Color text = (javafx.scene.paint.Color) more.getTextFill();
                List<javafx.scene.layout.BackgroundFill> fills = more.getBackground().getFills();
                javafx.scene.paint.Color fill = (javafx.scene.paint.Color) fills.get(fills.size() - 1).getFill();
                double contrast = contrast(text, fill);
                assertTrue(contrast >= 3, where + ": \"" + more.getText() + "\" in " + text + " on " + fill
                        + " has contrast " + contrast);
            }
        }
    }

    /** The WCAG contrast ratio of two colours, 1 to 21. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

}
