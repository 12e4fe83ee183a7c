package dev.switchboard.ui;

import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.flow.SampleFlows;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.Distribution;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window (Main.fxml, ControlPanel.fxml, app.css) driven through the robot, headless under
 * Monocle. The run never plays by itself here: the tests move the clock by stepping or by an exact
 * {@code advanceBy}, so every check is deterministic.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final Narrator narrator = new Narrator();
    private final TestFlows.Recorder recorder = new TestFlows.Recorder();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().playback().addListener(recorder);
        window.viewModel().open(TestFlows.quietHybrid(), "test");
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    private PlaybackViewModel playback() {
        return window.viewModel().playback();
    }

    private void advance(FxRobot robot, double virtualMs) {
        robot.interact(() -> playback().advanceBy(virtualMs));
    }

    private static <T extends Node> T find(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private List<String> narration() {
        return window.viewModel().narration().lines().stream().map(NarrationLine::sentence).toList();
    }

    @Test
    void theDefaultWindowShowsTheDiagramWithItsDetailAboveTheTimeline(FxRobot robot) {
        robot.interact(() -> window.scene().getRoot().layout());
        assertEquals(1400, window.scene().getWidth(), 1);
        assertEquals(900, window.scene().getHeight(), 1);
        Node diagram = robot.lookup("#diagramView").query();
        assertFalse(diagram.getPseudoClassStates().contains(dev.switchboard.ui.diagram.DiagramStyles.LOW_DETAIL),
                "at 1400×900 with the panels and the timeline the diagram keeps its worker labels: "
                        + ((javafx.scene.layout.Region) diagram).getWidth() + "×" + ((javafx.scene.layout.Region) diagram).getHeight());
        Node timeline = robot.lookup("#timelineBar").query();
        assertTrue(timeline.isVisible());
        assertTrue(timeline.localToScene(timeline.getLayoutBounds()).getMinY()
                > diagram.localToScene(diagram.getLayoutBounds()).getMaxY() - 1, "the timeline is under the diagram");
    }

    @Test
    void longNarrationLinesWrapInsteadOfRunningPastTheList(FxRobot robot) {
        robot.interact(() -> playback().placeOrder());
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> playback().step()); // up to the Order worker blocking on Inventory: a long sentence
        }
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = find(robot, "#narrationList");
        var cells = robot.lookup("." + StyleClasses.NARRATION_CELL).queryAll();
        assertTrue(cells.size() > 5, "narration cells shown: " + cells.size());
        for (Node cell : cells) {
            javafx.scene.control.ListCell<?> listCell = (javafx.scene.control.ListCell<?>) cell;
            assertTrue(listCell.isWrapText());
            assertTrue(listCell.getWidth() <= list.getWidth(), "a cell " + listCell.getWidth() + " px wide in a list of "
                    + list.getWidth() + " px");
        }
    }

    @Test
    void theWindowOpensWithTheHybridFlowPausedAtZero(FxRobot robot) {
        Stage stage = (Stage) window.scene().getWindow();
        assertEquals("Switchboard — Hybrid order flow", stage.getTitle());
        assertEquals("t = 0.000 s", ((Label) find(robot, "#clockLabel")).getText());
        assertEquals("Play", ((Button) find(robot, "#playButton")).getText());
        assertEquals("1.00×", ((Label) find(robot, "#speedLabel")).getText());
        assertEquals("20 ms", ((Label) find(robot, "#latencyValue-order-inventory")).getText());
        assertTrue(((ToggleButton) find(robot, "#styleButton-order-kitchen-queue")).isSelected());
        for (String id : List.of("#playButton", "#stepButton", "#resetButton", "#speedSlider", "#clockLabel",
                "#placeOrderButton", "#burstButton", "#arrivalRateSlider", "#narrationList", "#ordersTable",
                "#flowChoice", "#openFlowButton", "#resetControlsButton", "#diagramView", "#legend",
                "#orderHistoryList", "#statusLabel")) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id + " is in the window");
        }
    }

    @Test
    void theLegendComesAndGoesWithLAndTheViewMenu(FxRobot robot) {
        Node legend = find(robot, "#legend");
        Node diagram = find(robot, "#diagramView");
        assertTrue(legend.isVisible(), "a 1280 px window starts with the legend");
        double withLegend = diagram.getLayoutBounds().getHeight();
        robot.press(KeyCode.L).release(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(legend.isVisible() || legend.isManaged(), "L hides the legend");
        assertTrue(diagram.getLayoutBounds().getHeight() > withLegend, "and the diagram takes its room");
        assertFalse(window.controller().legendShownProperty().get());
        robot.clickOn("View").clickOn("#legendMenuItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(legend.isVisible() && legend.isManaged(), "the View menu brings it back");
    }

    @Test
    void aStudentStepsOneOrderFromPlacedToDelivered(FxRobot robot) {
        robot.type(KeyCode.O);
        ListView<NarrationLine> narrationList = find(robot, "#narrationList");
        TableView<OrderRow> ordersTable = find(robot, "#ordersTable");
        // Placing the order runs what happens at once: a free Order worker takes it and calls Inventory.
        assertTrue(narration().contains("You changed the run: One order placed by hand."));
        assertEquals(OrderStatus.PLACED, ordersTable.getItems().get(0).getStatus());

        List<OrderStatus> statuses = new ArrayList<>(List.of(OrderStatus.PLACED));
        int steps = 0;
        for (int step = 0; step < 200 && !playback().isFinished(); step++) {
            robot.type(KeyCode.RIGHT);
            NarrationLine newest = narrationList.getSelectionModel().getSelectedItem();
            assertNotNull(newest, "a step selects its newest narration line");
            assertEquals(narrator.narrate(recorder.last()), newest.sentence());
            assertEquals(narrationList.getItems().size() - 1, narrationList.getSelectionModel().getSelectedIndex());
            assertTrue(window.viewModel().narration().isLatest(newest));
            assertEquals(recorder.last().timeMs(), playback().getNowMs(), "the clock jumped to the event");

            TraceEvent.OrderStatusChanged change = recorder.last(TraceEvent.OrderStatusChanged.class);
            OrderStatus expected = change == null ? OrderStatus.PLACED : change.to();
            assertEquals(expected, ordersTable.getItems().get(0).getStatus(), "the orders list at step " + step);
            if (change != null) {
                assertEquals(expected, window.controller().diagramState().statusOf(1), "the diagram at step " + step);
            }
            steps++;
        }
        assertTrue(steps >= 7, "one step per status change at least; the order took " + steps + " steps");
        recorder.all(TraceEvent.OrderStatusChanged.class).forEach(change -> statuses.add(change.to()));
        assertEquals(List.of(OrderStatus.PLACED, OrderStatus.STOCK_CONFIRMED, OrderStatus.PAID, OrderStatus.QUEUED,
                OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED), statuses);
        assertTrue(narration().contains("The Order Service's worker 1 is now blocked — it asked Inventory for stock "
                + "and can do nothing else until the reply arrives or 1.0 s pass."), "the blocked worker is explained");
        assertTrue(narration().contains("Order #1 waits in the kitchen queue (no messages ahead)."));
        assertTrue(narration().contains("Kitchen worker 1 took order #1 from the queue after it waited 0 ms."));
        assertEquals(1L, window.viewModel().orders().selectedOrderProperty().get());
        ListView<String> history = find(robot, "#orderHistoryList");
        assertEquals(window.controller().diagramState().historyOf(1).size(), history.getItems().size());
        assertTrue(history.getItems().size() >= 7, "seven status changes from placed to delivered");
        String last = history.getItems().get(history.getItems().size() - 1);
        assertTrue(last.contains("out for delivery → delivered — "), last);
        assertEquals(PlaybackViewModel.RUN_FINISHED, ((Label) find(robot, "#statusLabel")).getText());
        assertTrue(((Button) find(robot, "#stepButton")).isDisabled(), "nothing is left to step");
    }

    @Test
    void movingTheLatencySliderChangesTheNextCallsTravelTime(FxRobot robot) {
        Node thumb = find(robot, "#latencySlider-order-inventory .thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Distribution latency = window.viewModel().controls().linkProperty(LinkId.ORDER_INVENTORY).get().latencyMs();
        assertTrue(latency instanceof Distribution.Fixed, "no jitter: a fixed latency, not " + latency);
        double latencyMs = ((Distribution.Fixed) latency).valueMs();
        assertTrue(latencyMs > 100, "the thumb moved right from 20 ms to " + latencyMs);
        assertEquals(Math.round(latencyMs) + " ms", ((Label) find(robot, "#latencyValue-order-inventory")).getText());
        assertTrue(narration().contains("You changed the run: Latency of order->inventory set to "
                + Math.round(latencyMs) + " ms."), "the change is narrated");

        robot.clickOn("#placeOrderButton");
        while (recorder.last(TraceEvent.RequestSent.class) == null) {
            robot.clickOn("#stepButton");
        }
        TraceEvent.RequestSent request = recorder.last(TraceEvent.RequestSent.class);
        assertEquals(LinkId.ORDER_INVENTORY, request.link());
        assertEquals(latencyMs, request.arriveMs() - request.departMs(), 1e-9);
    }

    @Test
    void takingKitchenDownMakesTheQueueGrowAndBringingItBackDrainsIt(FxRobot robot) {
        robot.clickOn("#kitchenServicePane");
        ToggleButton down = find(robot, "#downToggle-kitchen");
        robot.clickOn(down);
        assertFalse(window.viewModel().controls().upProperty(ServiceId.KITCHEN).get());
        assertEquals("Bring back up", down.getText());

        robot.push(KeyCode.SHIFT, KeyCode.B);
        advance(robot, 3_000);
        List<TraceEvent.InboundArrived> queued = recorder.all(TraceEvent.InboundArrived.class).stream()
                .filter(e -> e.kind() == InboundKind.QUEUE_MESSAGE).toList();
        assertTrue(queued.size() >= 8, "most of the burst reached the queue: " + queued.size());
        assertEquals(queued.size(), queued.get(queued.size() - 1).depth(), "nothing was taken while down");
        assertEquals(queued.size(), window.controller().diagramState().queueChips().size());

        robot.clickOn(down);
        assertTrue(window.viewModel().controls().upProperty(ServiceId.KITCHEN).get());
        advance(robot, 30_000);
        List<TraceEvent.InboundTaken> taken = recorder.all(TraceEvent.InboundTaken.class).stream()
                .filter(e -> e.service() == ServiceId.KITCHEN).toList();
        assertEquals(queued.size(), taken.size(), "every queued order was taken once Kitchen was back");
        assertEquals(0, taken.get(taken.size() - 1).depth());
        assertEquals(0, window.controller().diagramState().queueChips().size());
    }

    @Test
    void flippingOrderToKitchenToSyncBlocksOrderWorkers(FxRobot robot) {
        robot.clickOn("#styleButton-order-kitchen-sync");
        assertEquals(LinkStyle.SYNC, window.viewModel().controls().linkProperty(LinkId.ORDER_KITCHEN).get().style());
        robot.clickOn("#burstButton");
        advance(robot, 200);
        List<TraceEvent.WorkerBlocked> onKitchen = recorder.all(TraceEvent.WorkerBlocked.class).stream()
                .filter(e -> e.service() == ServiceId.ORDER && e.link() == LinkId.ORDER_KITCHEN).toList();
        assertFalse(onKitchen.isEmpty(), "Order workers wait for the Kitchen");
        assertTrue(window.controller().diagramState().service(ServiceId.ORDER).anyInState(WorkerState.BLOCKED));
        assertTrue(narration().stream().anyMatch(s -> s.contains("is now blocked — it asked the Kitchen to prepare the meal")));
        assertTrue(recorder.all(TraceEvent.MessageSent.class).stream().noneMatch(e -> e.link() == LinkId.ORDER_KITCHEN),
                "nothing goes through the queue");
    }

    @Test
    void keyboardShortcutsPlayStepResetAndPlaceOrders(FxRobot robot) {
        robot.type(KeyCode.O);
        assertEquals(1, recorder.all(TraceEvent.OrderPlaced.class).size());
        robot.type(KeyCode.SPACE);
        assertTrue(playback().isPlaying());
        robot.type(KeyCode.SPACE);
        assertFalse(playback().isPlaying());
        long before = playback().executedEvents();
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 1, playback().executedEvents());
        robot.push(KeyCode.SHIFT, KeyCode.B);
        assertEquals(1 + PlaybackViewModel.BURST_SIZE, recorder.all(TraceEvent.OrderPlaced.class).size());
        robot.type(KeyCode.R);
        assertEquals(before + 1, playback().executedEvents(), "R alone, a slip, resets nothing");
        double nowBeforeReset = playback().getNowMs();
        int rowsBeforeReset = window.viewModel().orders().rows().size();
        robot.push(KeyCode.CONTROL, KeyCode.R);
        // A reset starts a new branch at once; the run so far is kept as branch 1.
        assertEquals(0, playback().getNowMs());
        assertEquals(0, window.viewModel().orders().rows().size());
        assertEquals("t = 0.000 s", ((Label) find(robot, "#clockLabel")).getText());
        assertEquals(2, playback().branches().size());
        // ... so it can be undone: choose branch 1 in the branch list.
        javafx.scene.control.ComboBox<?> branches = robot.lookup("#branchChoice").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> branches.getSelectionModel().select(0));
        assertEquals(nowBeforeReset, playback().getNowMs());
        assertEquals(rowsBeforeReset, window.viewModel().orders().rows().size());
    }

    @Test
    void anInvalidFlowFileShowsItsErrorAndKeepsTheOldFlow(FxRobot robot, @TempDir Path dir) throws IOException {
        robot.type(KeyCode.O);
        advance(robot, 500);
        String hybrid;
        try (InputStream in = FlowLoader.class.getResourceAsStream("/sample-flows/hybrid-order.json")) {
            hybrid = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, hybrid.replace("\"workers\": 2, \"workMs\": { \"uniform\"",
                "\"workers\": -3, \"workMs\": { \"uniform\""));
        Stage stage = (Stage) window.scene().getWindow();
        String title = stage.getTitle();
        List<String> narrationBefore = narration();
        double nowBefore = playback().getNowMs();

        robot.interact(() -> assertFalse(window.controller().openFlowFile(broken)));
        DialogPane dialog = find(robot, "#flowErrorDialog");
        assertTrue(dialog.getContentText().endsWith("broken.json:9:31: services.kitchen.workers: must be >= 1 but was -3"
                        + " (a service without workers never finishes an order; to stop a service, give it a down fault)"),
                dialog.getContentText());
        assertTrue(dialog.getContentText().contains("services.kitchen.workers"), dialog.getContentText());
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));

        assertEquals(title, stage.getTitle());
        assertEquals(nowBefore, playback().getNowMs());
        assertEquals(narrationBefore, narration());
        assertEquals(1, window.viewModel().orders().rows().size());
        assertTrue(((Label) find(robot, "#statusLabel")).getText().startsWith("Could not open the file: "));
    }

    @Test
    void theFlowChooserShowsAnOpenedFileInsteadOfGoingBlank(FxRobot robot, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-flow.json");
        try (InputStream in = FlowLoader.class.getResourceAsStream("/sample-flows/all-sync.json")) {
            Files.write(file, in.readAllBytes());
        }
        ChoiceBox<SampleFlow> choice = find(robot, "#flowChoice");
        robot.interact(() -> assertTrue(window.controller().openFlowFile(file)));
        assertNotNull(choice.getValue(), "the chooser shows the opened file");
        assertEquals(playback().getFlow().name() + " (my-flow.json)", choice.getValue().displayName());
        SampleFlow hybrid = SampleFlows.byFileName("hybrid-order.json").orElseThrow();
        robot.interact(() -> choice.setValue(hybrid));
        assertEquals(hybrid, choice.getValue());
        SampleFlow fileEntry = choice.getItems().get(choice.getItems().size() - 1);
        robot.interact(() -> choice.setValue(fileEntry));
        assertEquals(file.toString(), window.viewModel().flowSourceProperty().get(), "choosing the entry reopens the file");
        assertEquals(1, choice.getItems().stream().filter(s -> s.displayName().endsWith("(my-flow.json)")).count());
    }

    @Test
    void choosingAnotherSampleOpensItFresh(FxRobot robot) {
        ChoiceBox<SampleFlow> choice = find(robot, "#flowChoice");
        SampleFlow allSync = SampleFlows.byFileName("all-sync.json").orElseThrow();
        robot.interact(() -> choice.setValue(allSync));
        assertEquals("Switchboard — " + allSync.displayName(), ((Stage) window.scene().getWindow()).getTitle());
        assertEquals(0, playback().getNowMs());
        assertEquals(LinkStyle.SYNC, window.viewModel().controls().linkProperty(LinkId.ORDER_KITCHEN).get().style());
        assertTrue(((ToggleButton) find(robot, "#styleButton-order-kitchen-sync")).isSelected());
    }

    @Test
    void clickingAnOrderOrANarrationLineSelectsThatOrderInTheDiagram(FxRobot robot) {
        robot.push(KeyCode.SHIFT, KeyCode.B);
        advance(robot, 100);
        TableView<OrderRow> ordersTable = find(robot, "#ordersTable");
        Node secondRow = robot.lookup("#ordersTable .table-row-cell").nth(1).query();
        robot.clickOn(secondRow);
        assertEquals(2L, window.controller().diagramView().selectedOrderProperty().get());
        assertEquals(2L, ordersTable.getSelectionModel().getSelectedItem().getOrderId());
        assertTrue(((Label) find(robot, "#orderDetailLabel")).getText().startsWith("Order #2 — "));
        assertEquals(window.controller().diagramState().historyOf(2).size(),
                ((ListView<?>) find(robot, "#orderHistoryList")).getItems().size());

        ListView<NarrationLine> narrationList = find(robot, "#narrationList");
        int line = -1;
        for (int i = 0; i < narrationList.getItems().size(); i++) {
            if (narrationList.getItems().get(i).event() instanceof TraceEvent.OrderPlaced placed && placed.orderId() == 5) {
                line = i;
            }
        }
        int index = line;
        robot.interact(() -> narrationList.getSelectionModel().clearAndSelect(index));
        assertEquals(5L, window.controller().diagramView().selectedOrderProperty().get());
        assertEquals(5L, ordersTable.getSelectionModel().getSelectedItem().getOrderId());
    }

    @Test
    void theArrivalRateSliderStartsAutomaticOrders(FxRobot robot) {
        Slider arrivals = find(robot, "#arrivalRateSlider");
        robot.interact(() -> arrivals.setValue(5));
        assertEquals("5 /s", ((Label) find(robot, "#arrivalRateLabel")).getText());
        assertEquals(new dev.switchboard.trace.Command.SetArrivalRate(5),
                recorder.last(TraceEvent.CommandApplied.class).command());
        advance(robot, 4_000);
        int placed = recorder.all(TraceEvent.OrderPlaced.class).size();
        assertTrue(placed >= 10 && placed <= 35, "about 20 orders in 4 s at 5 per second: " + placed);
        robot.interact(() -> arrivals.setValue(0));
        assertEquals("off", ((Label) find(robot, "#arrivalRateLabel")).getText());
        advance(robot, 4_000);
        assertEquals(placed, recorder.all(TraceEvent.OrderPlaced.class).size(), "no more orders once off");
    }

    @Test
    void theSpeedSliderIsLogarithmicAndLabelled(FxRobot robot) {
        Slider speed = find(robot, "#speedSlider");
        robot.interact(() -> speed.setValue(1));
        assertEquals("20.00×", ((Label) find(robot, "#speedLabel")).getText());
        assertEquals(20.0, playback().getSpeed(), 1e-9);
        robot.interact(() -> speed.setValue(0));
        assertEquals("0.05×", ((Label) find(robot, "#speedLabel")).getText());
    }

    @Test
    void resetToFlowValuesPutsTheControlsBack(FxRobot robot) {
        robot.clickOn("#styleButton-kitchen-delivery-sync");
        robot.clickOn("#orderServicePane");
        Slider workers = find(robot, "#workersSlider-order");
        robot.interact(() -> workers.setValue(9));
        assertEquals(9, window.viewModel().controls().serviceProperty(ServiceId.ORDER).get().workers());
        robot.clickOn("#resetControlsButton");
        assertEquals(4, window.viewModel().controls().serviceProperty(ServiceId.ORDER).get().workers());
        assertEquals(4, workers.getValue());
        assertTrue(((ToggleButton) find(robot, "#styleButton-kitchen-delivery-event")).isSelected());
        assertTrue(narration().contains("You changed the run: Order Service now has 4 workers."));
    }

    @Test
    void theFlowMenuListsEverySample(FxRobot robot) {
        javafx.scene.control.MenuBar menuBar = find(robot, "#menuBar");
        javafx.scene.control.Menu samples = (javafx.scene.control.Menu) menuBar.getMenus().get(0).getItems().get(0);
        assertEquals(SampleFlows.all().size(), samples.getItems().size());
        SampleFlow backlog = SampleFlows.byFileName("kitchen-backlog.json").orElseThrow();
        javafx.scene.control.MenuItem item = samples.getItems().stream()
                .filter(i -> "sampleMenuItem-kitchen-backlog".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        assertEquals("Switchboard — " + backlog.displayName(), ((Stage) window.scene().getWindow()).getTitle());
        assertEquals(backlog, ((ChoiceBox<?>) find(robot, "#flowChoice")).getValue());
    }

    @Test
    void themesAddTheirStylesheetAfterAppCss(FxRobot robot) {
        robot.interact(() -> window.viewModel().presenterModeProperty().set(true));
        robot.interact(() -> window.viewModel().darkThemeProperty().set(true));
        // diagram.css laid out at the diagram's zoom (a data URL) stands in diagram.css's place.
        List<String> sheets = window.scene().getStylesheets().stream()
                .map(url -> url.startsWith("data:text/css") ? "diagram.css" : url.substring(url.lastIndexOf('/') + 1)).toList();
        assertEquals(List.of("diagram.css", "app.css", "dark.css", "presenter.css"), sheets);
        robot.interact(() -> window.viewModel().darkThemeProperty().set(false));
        assertFalse(window.scene().getStylesheets().stream().anyMatch(url -> url.endsWith("dark.css")));
    }

    @Test
    void anImpossibleValueShowsItsMessageAndSnapsBackToWhatTheEngineHolds(FxRobot robot) {
        Slider timeout = find(robot, "#timeoutSlider-order-inventory");
        robot.interact(() -> timeout.setValue(0));
        Label status = find(robot, "#statusLabel");
        assertEquals("A caller needs some time to wait for a reply: the timeout must be more than 0 ms, not 0 ms.",
                status.getText());
        assertTrue(status.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("problem")));
        assertEquals(1000, window.viewModel().controls().linkProperty(LinkId.ORDER_INVENTORY).get().timeoutMs());
        assertEquals(1000, timeout.getValue(), "the slider shows the engine's timeout again");
        assertEquals("1000 ms", ((Label) find(robot, "#timeoutValue-order-inventory")).getText());
    }

    @Test
    void aValueTheEngineTakesStaysOnItsSlider(FxRobot robot) {
        Slider timeout = find(robot, "#timeoutSlider-order-inventory");
        robot.interact(() -> timeout.setValue(2500));
        assertEquals(2500, window.viewModel().controls().linkProperty(LinkId.ORDER_INVENTORY).get().timeoutMs());
        assertEquals(2500, timeout.getValue());
        assertEquals("2500 ms", ((Label) find(robot, "#timeoutValue-order-inventory")).getText());
    }

    @Test
    void noExceptionWhateverOrderTheControlsAreUsedIn(FxRobot robot) {
        SplittableRandom random = new SplittableRandom(7);
        List<Slider> sliders = robot.lookup(".live-slider").queryAllAs(Slider.class).stream().toList();
        List<ToggleButton> toggles = robot.lookup(".toggle-button").queryAllAs(ToggleButton.class).stream().toList();
        List<String> toolbar = List.of("#playButton", "#stepButton", "#resetButton", "#placeOrderButton", "#burstButton");
        assertTrue(sliders.size() >= 20, "every live setting is a slider: " + sliders.size());
        for (int action = 0; action < 150; action++) {
            int kind = random.nextInt(5);
            if (kind == 0) {
                Slider slider = sliders.get(random.nextInt(sliders.size()));
                double value = slider.getMin() + random.nextDouble() * (slider.getMax() - slider.getMin());
                robot.interact(() -> slider.setValue(value));
            } else if (kind == 1) {
                ToggleButton toggle = toggles.get(random.nextInt(toggles.size()));
                robot.interact(toggle::fire);
            } else if (kind == 2) {
                Button button = find(robot, toolbar.get(random.nextInt(toolbar.size())));
                robot.interact(button::fire);
                robot.interact(() -> playback().playingProperty().set(false));
            } else if (kind == 3) {
                advance(robot, random.nextDouble() * 2_000);
            } else {
                robot.interact(() -> window.viewModel().controls().resetToFlow());
            }
        }
        assertEquals(PlaybackViewModel.clockText(playback().getNowMs()), ((Label) find(robot, "#clockLabel")).getText());
    }
}
