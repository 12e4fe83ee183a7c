package dev.switchboard.ui;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.model.BreakerState;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.TraceEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue-4 controls in the real window (FXML and CSS), headless: each switch or slider sends its
 * command and the run behaves as the mechanism should. The clock only moves when a test moves it.
 * With {@code -Dswitchboard.snapshotDir=DIR} the layout test also saves its snapshots there.
 */
@ExtendWith(ApplicationExtension.class)
class ResilienceControlsTest {
    private final TestFlows.Recorder recorder = new TestFlows.Recorder();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive());
        // The stage is reused between tests and the layout test resizes it: keep the whole window on the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
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

    private ControlsViewModel controls() {
        return window.viewModel().controls();
    }

    private void advance(FxRobot robot, double virtualMs) {
        robot.interact(() -> playback().advanceBy(virtualMs));
    }

    private static <T extends Node> T find(FxRobot robot, String query) {
        T node = robot.lookup(query).query();
        assertNotNull(node, query);
        return node;
    }

    /** Scrolls the controls panel so that {@code node} is in view, as a person would before clicking it. */
    private static void reveal(FxRobot robot, Node node) {
        ScrollPane scroll = robot.lookup(".controls-scroll").query();
        // An opened pane grows over a layout pass or two, so scroll until the node really lies in view.
        for (int attempt = 0; attempt < 5 && !inView(scroll, node); attempt++) {
            robot.interact(() -> {
                scroll.getScene().getRoot().applyCss();
                scroll.getScene().getRoot().layout();
                Node content = scroll.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double viewportHeight = scroll.getViewportBounds().getHeight();
                double contentHeight = content.getBoundsInLocal().getHeight();
                if (contentHeight > viewportHeight) {
                    double top = Math.max(0, inContent.getMinY() - 30);
                    scroll.setVvalue(Math.min(1, top / (contentHeight - viewportHeight)));
                }
                scroll.layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(inView(scroll, node), node.getId() + " scrolled into view");
    }

    private static boolean inView(ScrollPane scroll, Node node) {
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinY() >= viewport.getMinY() && bounds.getMaxY() <= viewport.getMaxY();
    }

    /** Clicks a switch or button in the controls panel after scrolling it into view. */
    private static void press(FxRobot robot, String query) {
        Node node = find(robot, query);
        assertFalse(node.isDisabled(), query + " can be pressed");
        reveal(robot, node);
        robot.clickOn(node);
    }

    private static void slide(FxRobot robot, String query, double value) {
        Slider slider = find(robot, query);
        assertFalse(slider.isDisabled(), query + " can be moved");
        robot.interact(() -> slider.setValue(value));
    }

    /** Opens a pane of the controls accordion by clicking its title. */
    private static void expand(FxRobot robot, String paneId) {
        TitledPane pane = find(robot, paneId);
        if (!pane.isExpanded()) {
            Node title = pane.lookup(".title");
            reveal(robot, title);
            robot.clickOn(title);
        }
        assertTrue(pane.isExpanded(), paneId + " is open");
    }

    private List<String> narration() {
        return window.viewModel().narration().lines().stream().map(NarrationLine::sentence).toList();
    }

    @Test
    void switchingRetriesOnMakesAFailingStockCheckRetry(FxRobot robot) {
        assertTrue(((Slider) find(robot, "#retryAttemptsSlider-order-inventory")).isDisabled(), "dimmed while off");
        assertEquals("off", ((ToggleButton) find(robot, "#retryToggle-order-inventory")).getText());
        expand(robot, "#inventoryServicePane");
        slide(robot, "#errorRateSlider-inventory", 1);
        expand(robot, "#retriesPane");
        press(robot, "#retryToggle-order-inventory");
        assertEquals("on", ((ToggleButton) find(robot, "#retryToggle-order-inventory")).getText());
        slide(robot, "#retryAttemptsSlider-order-inventory", 4);
        assertEquals(new RetryPolicy(4, 100, 2, 0.2), controls().linkProperty(LinkId.ORDER_INVENTORY).get().retry());
        assertEquals("4", ((Label) find(robot, "#retryAttemptsValue-order-inventory")).getText());
        assertTrue(narration().contains("You changed the run: Retries on order->inventory: up to 4 attempts, "
                + "backoff 100 ms ×2 with 20% jitter."), "the change is narrated");

        robot.clickOn("#placeOrderButton");
        advance(robot, 3_000);
        List<TraceEvent.RetryScheduled> retries = recorder.all(TraceEvent.RetryScheduled.class);
        assertEquals(List.of(2, 3, 4), retries.stream().map(TraceEvent.RetryScheduled::attempt).toList(),
                "every failed stock check is retried up to the fourth attempt");
        assertTrue(retries.stream().allMatch(r -> r.link() == LinkId.ORDER_INVENTORY && r.orderId() == 1));
    }

    @Test
    void switchingTheBreakerOnAndFailingInventoryOpensIt(FxRobot robot) {
        expand(robot, "#breakersPane");
        press(robot, "#breakerToggle-order-inventory");
        assertEquals(BreakerPolicy.defaults(), controls().linkProperty(LinkId.ORDER_INVENTORY).get().breaker());
        assertFalse(((Slider) find(robot, "#breakerWindowSlider-order-inventory")).isDisabled());
        assertEquals("Circuit breakers — on: order→inventory", ((TitledPane) find(robot, "#breakersPane")).getText(),
                "the pane's title tells where a breaker is on");
        expand(robot, "#inventoryServicePane");
        press(robot, "#downToggle-inventory");
        robot.clickOn("#burstButton");
        advance(robot, 2_000);
        TraceEvent.BreakerChanged opened = recorder.last(TraceEvent.BreakerChanged.class);
        assertNotNull(opened, "the breaker changed state");
        assertEquals(BreakerState.OPEN, opened.to());
        assertEquals(LinkId.ORDER_INVENTORY, opened.link());
        assertFalse(recorder.all(TraceEvent.CallRejected.class).isEmpty(), "calls are refused at once while open");
    }

    @Test
    void anImpossibleBreakerValueShowsItsMessageAndTheSliderShowsTheRunsValueAgain(FxRobot robot) {
        expand(robot, "#breakersPane");
        press(robot, "#breakerToggle-order-inventory");
        Slider minCalls = find(robot, "#breakerMinCallsSlider-order-inventory");
        robot.interact(() -> minCalls.setValue(50));
        Label status = find(robot, "#statusLabel");
        assertEquals("The breaker can wait for at most as many calls as its window remembers (10), so it cannot "
                + "wait for 50 before judging. Widen the window first.", status.getText());
        assertTrue(status.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("problem")));
        assertEquals(5, minCalls.getValue(), "the slider shows the breaker's real minimum again");
        assertEquals(BreakerPolicy.defaults(), controls().linkProperty(LinkId.ORDER_INVENTORY).get().breaker());
    }

    @Test
    void withAcksCrashingTheKitchenRedeliversTheOrderInsteadOfLosingIt(FxRobot robot) {
        expand(robot, "#messageDeliveryPane");
        press(robot, "#ackToggle-order-kitchen");
        assertTrue(controls().linkProperty(LinkId.ORDER_KITCHEN).get().delivery().acks());
        assertFalse(((Slider) find(robot, "#maxDeliveriesSlider-order-kitchen")).isDisabled());

        robot.clickOn("#placeOrderButton");
        while (recorder.all(TraceEvent.InboundTaken.class).stream().noneMatch(e -> e.service() == ServiceId.KITCHEN)) {
            robot.interact(() -> playback().step());
        }
        expand(robot, "#kitchenServicePane");
        press(robot, "#downToggle-kitchen");
        advance(robot, 500);
        TraceEvent.MessageRedelivered redelivered = recorder.last(TraceEvent.MessageRedelivered.class);
        assertNotNull(redelivered, "the unacknowledged message went back to the queue");
        assertEquals(1, redelivered.orderId());
        press(robot, "#downToggle-kitchen");
        advance(robot, 30_000);
        assertEquals(List.of(Outcome.DELIVERED), recorder.all(TraceEvent.OrderFinished.class).stream()
                .map(TraceEvent.OrderFinished::outcome).toList(), "the order was cooked again and delivered");
    }

    @Test
    void moreReplicasAddInstanceTogglesAndCrashingOneLeavesTheServiceUp(FxRobot robot) {
        expand(robot, "#inventoryServicePane");
        assertEquals(1, robot.lookup("#inventoryServicePane .instance-toggles .toggle-button").queryAll().size());
        slide(robot, "#instancesSlider-inventory", 3);
        assertEquals(3, controls().serviceProperty(ServiceId.INVENTORY).get().instances());
        List<String> ids = new ArrayList<>();
        robot.lookup("#inventoryServicePane .instance-toggles .toggle-button").queryAll().forEach(n -> ids.add(n.getId()));
        assertEquals(List.of("instanceToggle-inventory-1", "instanceToggle-inventory-2", "instanceToggle-inventory-3"), ids);

        press(robot, "#instanceToggle-inventory-2");
        assertTrue(((ToggleButton) find(robot, "#instanceToggle-inventory-2")).isSelected());
        TraceEvent.InstanceChanged crashed = recorder.last(TraceEvent.InstanceChanged.class);
        assertEquals(ServiceId.INVENTORY, crashed.service());
        assertEquals(1, crashed.instance());
        assertFalse(crashed.up());
        assertTrue(controls().upProperty(ServiceId.INVENTORY).get(), "the service is still up");
        assertEquals("Take down", ((ToggleButton) find(robot, "#downToggle-inventory")).getText());

        robot.clickOn("#burstButton");
        advance(robot, 2_000);
        long confirmed = recorder.all(TraceEvent.OrderStatusChanged.class).stream()
                .filter(e -> e.to() == OrderStatus.STOCK_CONFIRMED).count();
        assertTrue(confirmed >= 5, "the two live instances answer stock checks: " + confirmed);
        assertTrue(recorder.all(TraceEvent.Routed.class).stream()
                .anyMatch(r -> r.service() == ServiceId.INVENTORY && r.instance() == 1 && !r.instanceUp()),
                "without a registry callers still call the crashed instance");

        slide(robot, "#instancesSlider-inventory", 1);
        advance(robot, 2_000);
        assertEquals(1, robot.lookup("#inventoryServicePane .instance-toggles .toggle-button").queryAll().size(),
                "the toggles follow the instances that are left");
    }

    @Test
    void turningTheRegistryOnProducesHeartbeats(FxRobot robot) {
        expand(robot, "#registryPane");
        assertTrue(((Slider) find(robot, "#heartbeatSlider-registry")).isDisabled(), "dimmed while off");
        press(robot, "#discoveryToggle-registry");
        assertTrue(window.viewModel().controls().discovery().registryOnProperty().get());
        assertEquals(DiscoverySpec.DEFAULTS, controls().discovery().registryProperty().get());
        slide(robot, "#heartbeatSlider-registry", 500);
        press(robot, "#balancingButton-registry-least-busy");
        assertEquals(new DiscoverySpec(500, 3, 5000, dev.switchboard.flow.Balancing.LEAST_BUSY),
                controls().discovery().registryProperty().get());
        advance(robot, 2_000);
        List<TraceEvent.Heartbeat> heartbeats = recorder.all(TraceEvent.Heartbeat.class);
        assertTrue(heartbeats.size() >= 4 * 3, "every instance sends a heartbeat every 500 ms: " + heartbeats.size());
        assertEquals(4, heartbeats.stream().map(TraceEvent.Heartbeat::service).distinct().count());
    }

    @Test
    void resetToFlowValuesSwitchesTheNewMechanismsBackOff(FxRobot robot) {
        press(robot, "#fallbackButton-order-inventory-accept");
        expand(robot, "#retriesPane");
        press(robot, "#retryToggle-order-inventory");
        expand(robot, "#bulkheadsPane");
        press(robot, "#bulkheadToggle-order-inventory");
        expand(robot, "#messageDeliveryPane");
        press(robot, "#ackToggle-order-kitchen");
        press(robot, "#durableToggle-kitchen-delivery");
        expand(robot, "#kitchenServicePane");
        press(robot, "#idempotentToggle-kitchen");
        slide(robot, "#poisonRateSlider-delivery", 0.3);
        slide(robot, "#instancesSlider-order", 2);
        expand(robot, "#registryPane");
        press(robot, "#discoveryToggle-registry");
        assertEquals("off", ((ToggleButton) find(robot, "#durableToggle-kitchen-delivery")).getText());
        robot.clickOn("#resetControlsButton");
        advance(robot, 1);
        for (LinkId id : LinkId.values()) {
            assertEquals(TestFlows.quietHybrid().link(id), controls().linkProperty(id).get(), id.key());
        }
        assertEquals("off", ((ToggleButton) find(robot, "#retryToggle-order-inventory")).getText());
        assertTrue(((ToggleButton) find(robot, "#fallbackButton-order-inventory-fail")).isSelected());
        assertEquals("on", ((ToggleButton) find(robot, "#durableToggle-kitchen-delivery")).getText());
        assertEquals(0, ((Slider) find(robot, "#poisonRateSlider-delivery")).getValue());
        assertEquals(1, controls().serviceProperty(ServiceId.ORDER).get().instances());
        assertFalse(controls().discovery().registryOnProperty().get());
    }

    @Test
    void theNewSectionsFitThePanelAtTheSmallestWindow(FxRobot robot) throws IOException {
        Stage stage = (Stage) window.scene().getWindow();
        // The headless screen may be smaller than 1400×900, and a window larger than the screen cannot be painted.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        for (double[] size : new double[][] {{Math.min(MainWindow.PREFERRED_WIDTH, screen.getWidth()),
                Math.min(MainWindow.PREFERRED_HEIGHT, screen.getHeight())}, {MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String pane : List.of("#orderInventoryPane", "#kitchenServicePane", "#retriesPane", "#breakersPane",
                    "#bulkheadsPane", "#messageDeliveryPane", "#registryPane")) {
                expand(robot, pane);
                robot.interact(() -> window.scene().getRoot().layout());
                WaitForAsyncUtils.waitForFxEvents();
                ScrollPane scroll = find(robot, ".controls-scroll");
                Bounds viewport = scroll.localToScene(scroll.getViewportBounds());
                TitledPane titled = find(robot, pane);
                List<Node> nodes = new ArrayList<>();
                for (String styleClass : List.of(".live-slider", ".value-label", ".toggle-button", ".setting-name",
                        ".section-header")) {
                    nodes.addAll(robot.from(titled).lookup(styleClass).queryAll());
                }
                nodes.removeIf(node -> !isShown(node));
                assertTrue(nodes.size() >= 8, "the check sees the pane's controls: " + nodes.size() + " in " + pane);
                for (Node node : nodes) {
                    Bounds b = node.localToScene(node.getBoundsInLocal());
                    assertTrue(b.getMaxX() <= viewport.getMaxX() + 0.5 && b.getMinX() >= viewport.getMinX() - 0.5,
                            node.getId() + " in " + pane + " at " + (int) size[0] + "×" + (int) size[1]
                                    + " lies within the panel: " + b + " vs " + viewport);
                    assertTrue(b.getWidth() >= 20, node.getId() + " is wide enough to use: " + b.getWidth());
                    if (node instanceof javafx.scene.control.Labeled labeled) {
                        javafx.scene.text.Text shown = (javafx.scene.text.Text) labeled.lookup(".text");
                        assertEquals(labeled.getText(), shown == null ? labeled.getText() : shown.getText(),
                                node.getId() + " shows its whole text at " + (int) size[0] + "×" + (int) size[1]);
                    }
                }
                String dir = System.getProperty("switchboard.snapshotDir");
                if (dir != null) {
                    robot.interact(() -> {
                        try {
                            Screenshots.writePng(window.scene().snapshot(null), Path.of(dir,
                                    "controls-" + (int) size[0] + "-" + pane.substring(1) + ".png"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
