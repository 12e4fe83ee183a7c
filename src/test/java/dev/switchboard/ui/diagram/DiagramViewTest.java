package dev.switchboard.ui.diagram;

import dev.switchboard.flow.Flow;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import dev.switchboard.system.Simulation;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagram in a real stage (headless Monocle), driven by a real Simulation, looked up by id. */
@ExtendWith(ApplicationExtension.class)
class DiagramViewTest {

    private Stage stage;
    private DiagramState state;
    private DiagramView view;
    private Simulation sim;

    /** Smaller than Monocle's headless screen (1280 × 800), which cannot take a larger window. */
    @Start
    void start(Stage stage) {
        this.stage = stage;
        // TestFX shares one stage per JVM: a main-window test before this one leaves its minimum size on it
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        state = new DiagramState();
        view = new DiagramView(state);
        view.setId("diagram");
        stage.setScene(new Scene(new BorderPane(view, null, null, new Legend(), null), 1180, 740));
        stage.show();
    }

    private void load(FxRobot robot, Flow flow) {
        robot.interact(() -> {
            state.clear();
            sim = new Simulation(flow);
            sim.addListener(state);
            sim.start();
            view.render(sim.nowMs());
        });
    }

    private void runTo(FxRobot robot, double timeMs) {
        robot.interact(() -> {
            sim.runUntil(timeMs);
            view.render(timeMs);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Steps the engine one event at a time until the condition holds (or fails after {@code limitMs}). */
    private void stepUntil(FxRobot robot, BooleanSupplier condition, double limitMs) {
        robot.interact(() -> {
            while (!condition.getAsBoolean()) {
                if (!sim.step() || sim.nowMs() > limitMs) {
                    throw new AssertionError("the condition never held before " + limitMs + " ms");
                }
            }
            view.render(sim.nowMs());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The band's caption names the state and the stale count, on two lines or one, and ends inside the band. */
    private static void assertStaleCaptionFits(Label band) {
        assertTrue(band.getText().equals("#2 down\n1 stale") || band.getText().equals("#2 down ·1"), band.getText());
        javafx.scene.text.Text caption = (javafx.scene.text.Text) band.lookup(".text");
        assertEquals(band.getText(), caption.getText(), "nothing of it dropped");
        assertTrue(caption.getBoundsInParent().getMaxY() <= band.getHeight() - band.getPadding().getBottom(), "\""
                + caption.getText() + "\" (" + band.getFont().getSize() + " px) ends at "
                + caption.getBoundsInParent().getMaxY() + " in a band " + band.getHeight() + " px tall");
    }

    private static boolean has(Node node, String pseudoClass) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    private static String texts(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node label : node.lookupAll(".label")) {
            sb.append(((Label) label).getText()).append('|');
        }
        return sb.toString();
    }

    @Test
    void everyNodeHasItsStableId(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        for (String id : List.of("#customer", "#service-order", "#service-inventory", "#service-kitchen",
                "#service-delivery", "#broker-queue", "#mealready-topic", "#worker-order-3", "#worker-kitchen-1",
                "#worker-delivery-0", "#link-order-inventory", "#link-order-kitchen", "#link-kitchen-delivery",
                "#token-canvas")) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id);
        }
        assertTrue(((Label) robot.lookup("#link-order-inventory").query()).getText()
                .startsWith("order->inventory: sync · 20 ms · timeout 1.0 s"));
    }

    @Test
    void theLegendAndTheTokensTakeTheirColoursFromTheSameCss(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        javafx.scene.shape.Shape legendRequest = robot.lookup(".diagram-legend .token-request").query();
        javafx.scene.shape.Shape legendFailed = robot.lookup(".diagram-legend .token-reply-failed").query();
        assertEquals(javafx.scene.paint.Color.web("#2563eb"), legendRequest.getFill(), "-sb-token-request from diagram.css");
        assertEquals(javafx.scene.paint.Color.web("#dc2626"), legendFailed.getFill(), "-sb-token-failed from diagram.css");
        assertEquals(TokenKind.values().length, robot.lookup(".diagram-legend .token-shape").queryAll().size(),
                "one shape per token kind");
    }

    /**
     * The legend's samples of diagram labels keep the legend's own size whatever the diagram's zoom: if
     * they followed it, the legend's height would change with each zoom, the diagram's room with it, and a
     * window's first layout would zoom the diagram twice (a tenth of a start each).
     */
    @Test
    void theLegendKeepsItsSizeWhenTheDiagramZooms(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        Label chip = robot.lookup(".diagram-legend .queue-chip").query();
        Node legend = robot.lookup(".diagram-legend").query();
        double fontBefore = chip.getFont().getSize();
        double heightBefore = legend.getLayoutBounds().getHeight();
        Label diagramName = robot.lookup("#service-kitchen .node-title").query();
        double nameBefore = diagramName.getFont().getSize();
        robot.interact(() -> view.zoomBy(2, view.getWidth() / 2, view.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(diagramName.getFont().getSize() > nameBefore * 1.5,
                "the diagram's own text follows the zoom: " + nameBefore + " -> " + diagramName.getFont().getSize());
        assertEquals(fontBefore, chip.getFont().getSize(), 1e-9, "the legend's chip keeps its size");
        assertEquals(heightBefore, legend.getLayoutBounds().getHeight(), 1e-9, "the legend keeps its height");
    }

    @Test
    void aCookingKitchenWorkerShowsBusyWithItsOrder(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(50, 42));
        stepUntil(robot, () -> state.service(ServiceId.KITCHEN).anyInState(WorkerState.BUSY)
                && state.service(ServiceId.KITCHEN).workers().get(0).task() != null, 20_000);

        WorkerSlot cook = state.service(ServiceId.KITCHEN).workers().get(0);
        Node kitchen = robot.lookup("#service-kitchen").query();
        Node slot = robot.lookup("#worker-kitchen-0").query();
        assertTrue(has(kitchen, "busy"));
        assertTrue(has(slot, "busy"));
        assertFalse(has(slot, "idle"));
        assertTrue(texts(slot).contains("#" + cook.orderId() + "|cooking|"), texts(slot));
    }

    @Test
    void anOrderWorkerWaitingForInventoryShowsTheCalleeAndItsCountdown(FxRobot robot) {
        load(robot, DiagramFlows.showcase(50, 42));
        stepUntil(robot, () -> state.service(ServiceId.ORDER).anyInState(WorkerState.BLOCKED), 10_000);
        WorkerSlot blocked = state.service(ServiceId.ORDER).workers().stream()
                .filter(w -> w.state() == WorkerState.BLOCKED).findFirst().orElseThrow();
        double now = view.nowMs();
        Node slot = robot.lookup("#worker-order-" + blocked.index()).query();

        assertTrue(has(slot, "blocked"));
        assertTrue(has(robot.lookup("#service-order").query(), "blocked"));
        String expected = "#" + blocked.orderId() + "  " + Texts.shortDuration(blocked.timeoutAtMs() - now) + "|→ inventory|";
        assertEquals(expected, texts(slot));
    }

    @Test
    void whileKitchenIsDownTheQueueFillsAndClickingAChipSelectsItsOrder(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(50, 42));
        runTo(robot, 14_000);

        assertTrue(has(robot.lookup("#service-kitchen").query(), "down"));
        assertTrue(has(robot.lookup("#worker-kitchen-0").query(), "down"));
        List<Long> queued = state.queueChips();
        assertTrue(queued.size() >= 2, "messages wait: " + queued);
        assertTrue(texts(robot.lookup("#broker-queue").query()).contains(queued.size() + " / 1000 waiting"));

        long first = queued.get(0);
        robot.clickOn("#chip-" + first);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, view.getSelectedOrder());
        assertTrue(has(robot.lookup("#chip-" + first).query(), "selected"));
        assertTrue(has(robot.lookup("#chip-" + queued.get(1)).query(), "dimmed"));
        assertFalse(state.historyOf(first).isEmpty(), "the shell can show the chip's history");
    }

    @Test
    void theKitchenBacklogQueueShowsEveryChipUpToFifteenAndThenPlusK(FxRobot robot) {
        loadSample(robot, "kitchen-backlog.json");
        for (int waiting : new int[] {HubNode.MAX_CHIPS, HubNode.MAX_CHIPS + 1, HubNode.MAX_CHIPS + 2, 21}) {
            stepUntil(robot, () -> state.queueChips().size() == waiting, 60_000);
            Node queue = robot.lookup("#broker-queue").query();
            int chips = robot.from(queue).lookup(".queue-chip").queryAll().size()
                    - robot.from(queue).lookup(".more-chip").queryAll().size();
            java.util.Set<Node> more = robot.from(queue).lookup(".more-chip").queryAll();
            if (waiting <= HubNode.MAX_CHIPS + 1) {
                assertEquals(waiting, chips, waiting + " waiting: every one gets a chip");
                assertTrue(more.isEmpty(), waiting + " waiting: no \"+k\"");
            } else {
                assertEquals(HubNode.MAX_CHIPS, chips, waiting + " waiting");
                assertEquals("+" + (waiting - HubNode.MAX_CHIPS), ((Label) more.iterator().next()).getText());
            }
        }
    }

    @Test
    void clickingATravellingTokenSelectsItsOrder(FxRobot robot) {
        load(robot, DiagramFlows.showcase(50, 42));
        stepUntil(robot, () -> state.tokensInFlightAt(sim.nowMs()).stream()
                .anyMatch(t -> t.kind() == TokenKind.REQUEST && t.progressAt(sim.nowMs()) > 0.3), 10_000);
        Token token = state.tokensInFlightAt(sim.nowMs()).stream()
                .filter(t -> t.kind() == TokenKind.REQUEST && t.progressAt(sim.nowMs()) > 0.3).findFirst().orElseThrow();
        Point2D onScreen = view.localToScreen(view.toLocal(view.diagramLayout().positionOf(token, view.nowMs())));

        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(token.orderId(), view.getSelectedOrder());

        robot.clickOn(view.localToScreen(view.toLocal(new DiagramLayout.Point(700, 700))));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.getSelectedOrder(), "a click on empty space clears the selection");
    }

    @Test
    void selectingAnOrderFromOutsideHighlightsItsWorkerAndDimsTheOthers(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(50, 42));
        stepUntil(robot, () -> state.service(ServiceId.KITCHEN).workers().stream().filter(WorkerSlot::holdsOrder).count() == 2,
                20_000);
        WorkerSlot cook0 = state.service(ServiceId.KITCHEN).workers().get(0);
        robot.interact(() -> view.setSelectedOrder(cook0.orderId()));

        assertTrue(has(robot.lookup("#worker-kitchen-0").query(), "selected"));
        assertTrue(has(robot.lookup("#worker-kitchen-1").query(), "dimmed"));
        robot.interact(() -> view.setSelectedOrder(null));
        assertFalse(has(robot.lookup("#worker-kitchen-1").query(), "dimmed"));
    }

    @Test
    void flippingOrderToKitchenToSyncRedrawsTheEdgeAndBlocksOrderWorkersOnKitchen(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(50, 42));
        runTo(robot, 1_000);
        robot.interact(() -> {
            sim.apply(new Command.SetLinkStyle(LinkId.ORDER_KITCHEN, LinkStyle.SYNC));
            view.render(sim.nowMs());
        });
        Label label = robot.lookup("#link-order-kitchen").query();
        assertTrue(label.getText().startsWith("order->kitchen: sync"), label.getText());
        assertTrue(has(label, "sync"));

        stepUntil(robot, () -> state.service(ServiceId.ORDER).workers().stream()
                .anyMatch(w -> w.state() == WorkerState.BLOCKED && w.callee() == ServiceId.KITCHEN), 10_000);
        WorkerSlot waiting = state.service(ServiceId.ORDER).workers().stream()
                .filter(w -> w.state() == WorkerState.BLOCKED && w.callee() == ServiceId.KITCHEN).findFirst().orElseThrow();
        assertTrue(texts(robot.lookup("#worker-order-" + waiting.index()).query()).contains("→ kitchen"));
    }

    @Test
    void highlightingANarrationLineFlashesTheWorkerAndServiceItIsAbout(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(50, 42));
        List<TraceEvent.WorkerBlocked> blocks = new ArrayList<>();
        robot.interact(() -> sim.addListener(e -> {
            if (e instanceof TraceEvent.WorkerBlocked b) {
                blocks.add(b);
            }
        }));
        stepUntil(robot, () -> !blocks.isEmpty(), 5_000);
        TraceEvent.WorkerBlocked blocked = blocks.get(0);

        robot.interact(() -> view.highlight(blocked));
        assertTrue(has(robot.lookup("#service-order").query(), "flash"));
        assertTrue(has(robot.lookup("#worker-order-" + blocked.worker()).query(), "flash"));
        assertTrue(has(robot.lookup("#link-order-inventory").query(), "flash"));
        assertFalse(has(robot.lookup("#service-kitchen").query(), "flash"));
    }

    @Test
    void aTimedOutCallIsShownOnTheCallersSlot(FxRobot robot) {
        load(robot, DiagramFlows.showcase(50, 42));
        List<TraceEvent.CallTimedOut> timeouts = new ArrayList<>();
        robot.interact(() -> sim.addListener(e -> {
            if (e instanceof TraceEvent.CallTimedOut t) {
                timeouts.add(t);
            }
        }));
        stepUntil(robot, () -> !timeouts.isEmpty(), 60_000);
        TraceEvent.CallTimedOut timeout = timeouts.get(0);
        runTo(robot, timeout.timeMs() + 1);

        Node slot = robot.lookup("#worker-" + timeout.caller().key() + "-" + timeout.worker()).query();
        WorkerSlot worker = state.service(timeout.caller()).workers().get(timeout.worker());
        assertFalse(worker.holdsOrder(), "the caller gave up the failed order");
        assertTrue(has(slot, "timed-out"), texts(slot));
        assertTrue(texts(slot).contains("timeout!"), texts(slot));
        runTo(robot, timeout.timeMs() + TimeoutMark.SHOW_MS + 1);
        assertFalse(has(slot, "timed-out"), "the tag goes after " + TimeoutMark.SHOW_MS + " ms");
    }

    @Test
    void theDiagramScalesWithTheWindow(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        robot.interact(() -> {
            stage.setWidth(700);
            stage.setHeight(480);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds viewBounds = view.localToScene(view.getLayoutBounds());
        for (String id : List.of("#customer", "#service-inventory", "#service-kitchen", "#service-delivery", "#mealready-topic")) {
            Bounds b = robot.lookup(id).query().localToScene(robot.lookup(id).query().getLayoutBounds());
            assertTrue(viewBounds.contains(b), id + " " + b + " inside " + viewBounds);
        }
        assertTrue(view.scale() < 0.7, "scaled down to fit: " + view.scale());
    }

    // ---- issue 4: resilience marks ----

    private void loadSample(FxRobot robot, String fileName) {
        try {
            load(robot, dev.switchboard.flow.SampleFlows.byFileName(fileName).orElseThrow().load());
        } catch (Exception e) {
            throw new AssertionError(fileName + " does not load", e);
        }
    }

    @Test
    void workerSlotsAreLabelledFromOneAsTheNarrationCountsThem(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        assertTrue(texts(robot.lookup("#worker-kitchen-0").query()).startsWith("w1|idle|"),
                texts(robot.lookup("#worker-kitchen-0").query()));
        assertTrue(texts(robot.lookup("#worker-order-3").query()).startsWith("w4|"));
    }

    @Test
    void aFlowWithoutResilienceShowsNoBadgeNoDeadLetterQueueNoRegistry(FxRobot robot) {
        load(robot, DiagramFlows.hybrid(10, 42));
        for (String id : List.of("#breaker-order-inventory", "#guards-order-inventory", "#dlq-kitchen-orders",
                "#dlq-mealready", "#service-registry")) {
            assertFalse(robot.lookup(id).query().isVisible(), id);
        }
        assertTrue(robot.lookup("#instance-inventory-0").tryQuery().isEmpty(), "one instance: no bands");
    }

    @Test
    void theBreakerBadgeOnItsEdgeFollowsTheBreakerAndRefusalsAreCounted(FxRobot robot) {
        loadSample(robot, "circuit-breaker.json");
        Label badge = robot.lookup("#breaker-order-inventory").query();
        assertTrue(badge.isVisible());
        assertTrue(has(badge, "closed"));
        assertEquals("breaker closed", badge.getText());

        stepUntil(robot, () -> state.guards(LinkId.ORDER_INVENTORY).refused() > 0, 60_000);
        assertTrue(has(badge, "open"));
        assertFalse(has(badge, "closed"));
        assertEquals("breaker OPEN", badge.getText());
        Label guards = robot.lookup("#guards-order-inventory").query();
        assertTrue(guards.isVisible());
        assertEquals("refused 1", guards.getText());

        stepUntil(robot, () -> state.guards(LinkId.ORDER_INVENTORY).breaker() == dev.switchboard.model.BreakerState.HALF_OPEN, 60_000);
        assertTrue(has(badge, "half-open"));
        assertEquals("breaker half-open", badge.getText());
    }

    @Test
    void aRetriedCallShowsOnItsWorkerAndTheRetriesOnTheEdge(FxRobot robot) {
        loadSample(robot, "retry-storm.json");
        stepUntil(robot, () -> state.service(ServiceId.ORDER).workers().stream()
                .anyMatch(w -> w.retrying() && w.state() == WorkerState.BLOCKED), 60_000);
        WorkerSlot retrying = state.service(ServiceId.ORDER).workers().stream()
                .filter(w -> w.retrying() && w.state() == WorkerState.BLOCKED).findFirst().orElseThrow();
        Node slot = robot.lookup("#" + DiagramStyles.workerId(ServiceId.ORDER, retrying.index())).query();
        assertTrue(has(slot, "retrying"));
        // Order runs 8 workers, so its slots are compact: the mark goes with the order id.
        assertEquals("#" + retrying.orderId() + "↻" + (retrying.attempt() - 1) + "|", texts(slot));
        Label guards = robot.lookup("#guards-order-inventory").query();
        assertTrue(guards.getText().startsWith("retries " + state.guards(LinkId.ORDER_INVENTORY).retries()), guards.getText());
    }

    @Test
    void theDeadLetterQueueByTheKitchenQueueCountsAndShowsTheDeadLetteredOrders(FxRobot robot) {
        loadSample(robot, "poison-message.json");
        Node dlq = robot.lookup("#dlq-kitchen-orders").query();
        assertTrue(dlq.isVisible(), "the sample limits deliveries, so its dead-letter queue shows from the start");
        assertFalse(has(dlq, "nonempty"));

        stepUntil(robot, () -> state.deadLetters(LinkId.ORDER_KITCHEN).count() == 2, 60_000);
        assertTrue(has(dlq, "nonempty"));
        assertTrue(texts(dlq).startsWith("dead-letter queue · 2|"), texts(dlq));
        for (long order : state.deadLetters(LinkId.ORDER_KITCHEN).recent()) {
            assertNotNull(robot.lookup("#" + DiagramStyles.dlqChipId(order)).tryQuery().orElse(null), "chip of " + order);
        }
    }

    @Test
    void instancesGetBandsAndTheRegistryListsThemWithDeregistrationVisible(FxRobot robot) {
        loadSample(robot, "instance-failover.json");
        assertTrue(robot.lookup("#service-registry").query().isVisible());
        for (int i = 0; i < 3; i++) {
            Label band = robot.lookup("#instance-inventory-" + i).query();
            assertTrue(band.isVisible());
            assertEquals("#" + (i + 1) + " up", band.getText());
            assertNotNull(robot.lookup("#registry-inventory-" + i).tryQuery().orElse(null));
        }
        assertTrue(robot.lookup("#instance-order-0").tryQuery().isEmpty(), "Order runs one instance: no band");

        stepUntil(robot, () -> state.instances(ServiceId.INVENTORY).get(1).staleCalls() > 0, 60_000);
        Label crashed = robot.lookup("#instance-inventory-1").query();
        assertTrue(has(crashed, "down"));
        assertTrue(has(crashed, "stale"));
        assertStaleCaptionFits(crashed);
        // Drawn small (the main window at 1400 × 900 with its panels showed "1 stale" across the band's frame):
        // where two lines do not fit, the count goes beside the state.
        robot.interact(() -> {
            stage.setWidth(700);
            stage.setHeight(470);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (int frame = 0; frame < 2; frame++) {   // the first frame lays the bands out at the new size
            robot.interact(() -> view.render(sim.nowMs()));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals("#2 down ·1", crashed.getText(), "a band " + crashed.getHeight() + " px tall");
        assertStaleCaptionFits(crashed);

        stepUntil(robot, () -> !state.registry(ServiceId.INVENTORY).get(1).registered(), 60_000);
        Label entry = robot.lookup("#registry-inventory-1").query();
        assertTrue(has(entry, "removed"));
        assertEquals("#2 ✕", entry.getText());
    }

    @Test
    void highlightingARegistryOrInstanceEventFlashesItsEntryAndItsBand(FxRobot robot) {
        loadSample(robot, "instance-failover.json");
        stepUntil(robot, () -> !state.instances(ServiceId.INVENTORY).get(1).up(), 60_000);
        robot.interact(() -> view.highlight(new TraceEvent.RegistryChanged(sim.nowMs(), ServiceId.INVENTORY, 1, false, "missed")));
        assertTrue(has(robot.lookup("#registry-inventory-1").query(), "flash"));
        robot.interact(() -> view.highlight(new TraceEvent.Routed(sim.nowMs(), ServiceId.INVENTORY, 1, 5, 9, false)));
        assertTrue(has(robot.lookup("#instance-inventory-1").query(), "flash"));
        assertFalse(has(robot.lookup("#registry-inventory-1").query(), "flash"), "one highlight at a time");
    }
}
