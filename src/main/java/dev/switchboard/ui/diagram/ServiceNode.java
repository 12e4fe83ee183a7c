package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;
import dev.switchboard.model.WorkerState;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A service box: its name, status (up, DOWN, slowed ×k), inbound backlog and error rate, and its
 * workers as slots; the Delivery Service also shows its agents. A service running several instances
 * groups its slots in one band per instance ({@code instance-box}, id {@code instance-<key>-<n>},
 * labelled {@code #n+1} with up / down / stopping, pseudo-classes {@code :down :retiring :stale}).
 * Style class {@code service-node}, id {@code service-<key>}; pseudo-classes {@code :busy} (a worker holds work), {@code :blocked}
 * (a worker waits on a call), {@code :down}, {@code :slowed}, {@code :erroring}, {@code :flash}.
 */
final class ServiceNode extends VBox {

    /** More workers than this and the slots turn compact (order id only). */
    static final int FULL_SLOTS_MAX = 6;
    /** More workers than this and the slots turn into small squares (colour only). */
    static final int COMPACT_SLOTS_MAX = 20;
    /** At most this many slots are drawn (eight rows of small squares); the rest are counted in the text. */
    static final int MAX_SLOTS = 176;
    /** Space between the box's text and the first row of slots. */
    private static final double SLOTS_TOP = 4;
    /** Width of an instance band's caption ("#2 down"), left of its slots. */
    static final double INSTANCE_HEADER_WIDTH = 54;
    /** Height left for the slots under a service box's text (the smallest box, Inventory). */
    private static final double SLOTS_HEIGHT = 100;

    private final ServiceId service;
    private final Consumer<Long> onSelect;
    private final Label status = new Label();
    private final Label detail = new Label();
    private final Pane slots = new Pane();
    private final double logicalSlotsWidth;
    private double slotsWidth;
    private double zoom = 1;
    private int placedCount = -1;
    private WorkerSlotNode.Density placedDensity;
    private final List<WorkerSlotNode> slotNodes = new ArrayList<>();
    private final java.util.Map<Integer, Label> instanceBoxes = new java.util.TreeMap<>();
    private String placedGrouping = "";
    private WorkerSlotNode.Density groupedDensity;
    private final AgentPane agentPane;

    ServiceNode(ServiceId service, DiagramLayout.Box box, Consumer<Long> onSelect) {
        this.service = service;
        this.onSelect = onSelect;
        setId(DiagramStyles.serviceId(service));
        getStyleClass().add(DiagramStyles.SERVICE_NODE);
        Label title = new Label(service.displayName());
        title.getStyleClass().add(DiagramStyles.NODE_TITLE);
        status.getStyleClass().add(DiagramStyles.NODE_STATUS);
        detail.getStyleClass().add(DiagramStyles.NODE_DETAIL);
        RenderCache.cache(title);
        slots.getStyleClass().add(DiagramStyles.WORKER_SLOTS);
        // No clip (a clip costs an offscreen pass per repaint under the software renderer): the
        // slot densities and MAX_SLOTS keep the slots inside the box instead.
        slots.setMinHeight(0);
        logicalSlotsWidth = box.width() - 16;
        slotsWidth = logicalSlotsWidth;
        getChildren().addAll(title, status, detail, slots);
        if (service == ServiceId.DELIVERY) {
            agentPane = new AgentPane(onSelect);
            getChildren().add(agentPane);
        } else {
            agentPane = null;
        }
        box.pin(this);
    }

    /** Lays the slots out again at {@code zoom} (the box itself is pinned by the view). */
    void setZoom(double zoom) {
        if (zoom == this.zoom) {
            return;
        }
        this.zoom = zoom;
        slotsWidth = logicalSlotsWidth * zoom;
        placedCount = -1;
        placedGrouping = "";
        for (WorkerSlotNode node : slotNodes) {
            node.setZoom(zoom);
        }
        if (agentPane != null) {
            agentPane.setZoom(zoom);
        }
    }

    WorkerSlotNode slot(int index) {
        return index < slotNodes.size() ? slotNodes.get(index) : null;
    }

    /** The band of instance {@code number} (0-based), or null when the service shows no bands. */
    Label instanceBox(int number) {
        Label box = instanceBoxes.get(number);
        return box != null && box.isVisible() ? box : null;
    }

    void update(ServiceStatus s, AgentPool agents, double nowMs, List<TimeoutMark> timeouts, Long selected) {
        update(s, List.of(), agents, nowMs, timeouts, List.of(), selected);
    }

    void update(ServiceStatus s, List<InstanceBand> instances, AgentPool agents, double nowMs,
                List<TimeoutMark> timeouts, List<DuplicateMark> duplicates, Long selected) {
        pseudoClassStateChanged(DiagramStyles.DOWN, !s.up());
        pseudoClassStateChanged(DiagramStyles.SLOWED, s.slowed());
        pseudoClassStateChanged(DiagramStyles.ERRORING, s.errorRate() > 0);
        pseudoClassStateChanged(DiagramStyles.BUSY, s.anyInState(WorkerState.BUSY) || s.anyInState(WorkerState.BLOCKED));
        pseudoClassStateChanged(DiagramStyles.BLOCKED, s.anyInState(WorkerState.BLOCKED));

        String st = !s.up() ? "DOWN" : s.slowed() ? "up · slowed " + Texts.factor(s.slowdown()) : "up";
        WorkerSlotNode.setText(status, st + " · " + s.workerCount() + (s.workerCount() == 1 ? " worker" : " workers")
                + (s.stoppingCount() > 0 ? " + " + s.stoppingCount() + " stopping" : ""));
        StringBuilder d = new StringBuilder("inbound ").append(s.directBacklog().size());
        if (s.errorRate() > 0) {
            d.append(" · errors ").append(Texts.percent(s.errorRate()));
        }
        List<WorkerSlot> workers = s.workers();
        boolean grouped = instances.size() > 1;
        if (grouped) {
            workers = new ArrayList<>(workers);
            workers.sort(java.util.Comparator.comparingInt(WorkerSlot::instance).thenComparingInt(WorkerSlot::index));
        }
        if (workers.size() > MAX_SLOTS) {
            d.append(" · ").append(workers.size() - MAX_SLOTS).append(" workers not drawn");
            workers = workers.subList(0, MAX_SLOTS);
        }
        WorkerSlotNode.setText(detail, d.toString());

        while (slotNodes.size() < workers.size()) {
            WorkerSlotNode node = new WorkerSlotNode(DiagramStyles.workerId(service, slotNodes.size()));
            node.setZoom(zoom);
            node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (node.orderId() > 0) {
                    onSelect.accept(node.orderId());
                    e.consume();
                }
            });
            // Unmanaged: a slot's text changing re-lays out that slot only, not the box and the
            // whole diagram above it; placeSlots() positions the slots instead of a layout pane.
            node.setManaged(false);
            slotNodes.add(node);
            slots.getChildren().add(node);
        }
        while (slotNodes.size() > workers.size()) {
            slots.getChildren().remove(slotNodes.remove(slotNodes.size() - 1));
        }
        WorkerSlotNode.Density density = s.workers().size() > COMPACT_SLOTS_MAX ? WorkerSlotNode.Density.MICRO
                : s.workers().size() > FULL_SLOTS_MAX ? WorkerSlotNode.Density.COMPACT : WorkerSlotNode.Density.FULL;
        if (grouped) {
            // Bands of full slots would not fit: compact slots, or colour squares when even they would not.
            density = instances.size() * (WorkerSlotNode.COMPACT_HEIGHT + 7) > SLOTS_HEIGHT
                    || s.workers().size() > COMPACT_SLOTS_MAX ? WorkerSlotNode.Density.MICRO : WorkerSlotNode.Density.COMPACT;
            placeGrouped(workers, instances, density);
            updateInstanceBoxes(instances, nowMs);
        } else {
            if (!placedGrouping.isEmpty()) {
                placedGrouping = "";
                placedCount = -1;
                for (Label box : instanceBoxes.values()) {
                    box.setVisible(false);
                }
            }
            placeSlots(workers.size(), density);
        }
        for (int i = 0; i < workers.size(); i++) {
            WorkerSlot w = workers.get(i);
            WorkerSlotNode node = slotNodes.get(i);
            // Worker indices are dense (0..n-1) except briefly while retiring; the id follows the index.
            String id = DiagramStyles.workerId(service, w.index());
            if (!id.equals(node.getId())) {
                node.setId(id);
            }
            node.update(w, nowMs, timedOut(timeouts, w, nowMs), duplicateOn(duplicates, w, nowMs), selected);
        }
        if (agentPane != null && agents != null) {
            agentPane.update(agents, nowMs, selected);
        }
    }

    /** Puts the slots in rows, left to right, only when their number or size changed. */
    private void placeSlots(int count, WorkerSlotNode.Density density) {
        if (count == placedCount && density == placedDensity) {
            return;
        }
        placedCount = count;
        placedDensity = density;
        double w = WorkerSlotNode.widthOf(density) * zoom;
        double h = WorkerSlotNode.heightOf(density) * zoom;
        double gap = (density == WorkerSlotNode.Density.MICRO ? 2 : 4) * zoom;
        double top = SLOTS_TOP * zoom;
        int perRow = Math.max(1, (int) Math.floor((slotsWidth + gap) / (w + gap)));
        for (int i = 0; i < count; i++) {
            slotNodes.get(i).setDensity(density);
            slotNodes.get(i).resizeRelocate((i % perRow) * (w + gap), top + (i / perRow) * (h + gap), w, h);
        }
        int rows = (count + perRow - 1) / perRow;
        double height = rows == 0 ? 0 : rows * (h + gap) - gap;
        slots.setPrefHeight(top + height + 2 * zoom);
    }

    /**
     * Puts each instance's slots in a band of its own, the caption on the left, only when the
     * instances, their worker counts or the slot size changed.
     */
    private void placeGrouped(List<WorkerSlot> workers, List<InstanceBand> instances, WorkerSlotNode.Density density) {
        StringBuilder key = new StringBuilder(density.name());
        for (WorkerSlot w : workers) {
            key.append(',').append(w.instance());
        }
        for (InstanceBand i : instances) {
            key.append(';').append(i.instance());
        }
        if (key.toString().equals(placedGrouping)) {
            return;
        }
        placedGrouping = key.toString();
        placedCount = -1;
        groupedDensity = density;
        double w = WorkerSlotNode.widthOf(density) * zoom;
        double h = WorkerSlotNode.heightOf(density) * zoom;
        double gap = (density == WorkerSlotNode.Density.MICRO ? 2 : 3) * zoom;
        double header = INSTANCE_HEADER_WIDTH * zoom;
        int perRow = Math.max(1, (int) Math.floor((slotsWidth - header + gap) / (w + gap)));
        for (Label box : instanceBoxes.values()) {
            box.setVisible(false);
        }
        double y = SLOTS_TOP * zoom;
        int next = 0;
        for (InstanceBand instance : instances) {
            int first = next;
            while (next < workers.size() && workers.get(next).instance() == instance.instance()) {
                next++;
            }
            int count = next - first;
            int rows = Math.max(1, (count + perRow - 1) / perRow);
            // Micro bands (four or five instances) have room for a one-line caption only.
            double minBand = (density == WorkerSlotNode.Density.MICRO ? 11 : WorkerSlotNode.COMPACT_HEIGHT) * zoom;
            double band = Math.max(minBand, rows * (h + gap) - gap) + 4 * zoom;
            Label box = instanceBoxes.computeIfAbsent(instance.instance(), this::newInstanceBox);
            box.setVisible(true);
            box.resizeRelocate(0, y, slotsWidth, band);
            for (int i = 0; i < count; i++) {
                WorkerSlotNode node = slotNodes.get(first + i);
                node.setDensity(density);
                node.resizeRelocate(header + (i % perRow) * (w + gap), y + 2 * zoom + (i / perRow) * (h + gap), w, h);
            }
            y += band + 3 * zoom;
        }
        // Workers of an instance not (or no longer) known: after the bands, without a caption.
        for (int i = next; i < workers.size(); i++) {
            slotNodes.get(i).setDensity(density);
            slotNodes.get(i).resizeRelocate(header + ((i - next) % perRow) * (w + gap),
                    y + ((i - next) / perRow) * (h + gap), w, h);
        }
        slots.setPrefHeight(y + 2 * zoom);
    }

    private Label newInstanceBox(int number) {
        Label box = new Label();
        box.setId(DiagramStyles.instanceId(service, number));
        box.getStyleClass().add(DiagramStyles.INSTANCE_BOX);
        box.setManaged(false);
        box.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        // Behind the slots, which are drawn over the band's right part.
        slots.getChildren().add(0, box);
        return box;
    }

    private void updateInstanceBoxes(List<InstanceBand> instances, double nowMs) {
        for (InstanceBand i : instances) {
            Label box = instanceBoxes.get(i.instance());
            if (box == null) {
                continue;
            }
            String state = !i.up() ? "down" : i.retiring() ? "stopping" : "up";
            String stale = i.staleCalls() == 0 ? "" : groupedDensity == WorkerSlotNode.Density.MICRO || !holdsTwoLines(box)
                    ? " ·" + i.staleCalls() : "\n" + i.staleCalls() + " stale";
            String text = "#" + (i.instance() + 1) + " " + state + stale;
            WorkerSlotNode.setText(box, text);
            box.pseudoClassStateChanged(DiagramStyles.DOWN, !i.up());
            box.pseudoClassStateChanged(DiagramStyles.RETIRING, i.retiring());
            box.pseudoClassStateChanged(DiagramStyles.STALE, i.staleAt(nowMs));
        }
    }

    /**
     * Whether a band is tall enough for a two-line caption at its font, measured: a band of one row of
     * compact slots, drawn small, is not, and its second line would cross the band's frame.
     */
    private static boolean holdsTwoLines(Label box) {
        TWO_LINES.setFont(box.getFont());
        javafx.geometry.Insets padding = box.getPadding();
        // one pixel more: the stale and down frames are drawn inside the band's edge
        return box.getHeight() >= TWO_LINES.getLayoutBounds().getHeight() + padding.getTop() + padding.getBottom() + 1;
    }

    /** Two lines of caption, measured in the band's font. */
    private static final javafx.scene.text.Text TWO_LINES = new javafx.scene.text.Text("#2 down\n21 stale");

    /** The duplicate delivery shown on the slot, if one is recent and the worker still holds that order. */
    private DuplicateMark duplicateOn(List<DuplicateMark> duplicates, WorkerSlot worker, double nowMs) {
        for (int i = duplicates.size() - 1; i >= 0; i--) {
            DuplicateMark d = duplicates.get(i);
            if (d.service() == service && d.worker() == worker.index() && d.showingAt(nowMs)) {
                return d;
            }
        }
        return null;
    }

    /** A recent timeout shows on the slot until the worker takes other work. */
    private boolean timedOut(List<TimeoutMark> timeouts, WorkerSlot worker, double nowMs) {
        for (TimeoutMark t : timeouts) {
            if (t.caller() == service && t.worker() == worker.index() && t.showingAt(nowMs)
                    && (!worker.holdsOrder() || worker.orderId() == t.orderId())) {
                return true;
            }
        }
        return false;
    }

    /** The Delivery Service's agent pool: agents out on trips (order and progress) and orders waiting for one. */
    static final class AgentPane extends VBox {
        private static final int MAX_AGENT_SLOTS = 8;
        private final Label summary = new Label();
        private final FlowPane out = new FlowPane(4, 4);
        private final List<Label> agentLabels = new ArrayList<>();

        void setZoom(double zoom) {
            out.setHgap(4 * zoom);
            out.setVgap(4 * zoom);
        }

        AgentPane(Consumer<Long> onSelect) {
            getStyleClass().add("agent-pane");
            summary.getStyleClass().add(DiagramStyles.NODE_DETAIL);
            getChildren().addAll(summary, out);
            for (int i = 0; i < MAX_AGENT_SLOTS; i++) {
                Label l = new Label();
                l.getStyleClass().add(DiagramStyles.AGENT_SLOT);
                l.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                    Object order = l.getUserData();
                    if (order instanceof Long id) {
                        onSelect.accept(id);
                        e.consume();
                    }
                });
                agentLabels.add(l);
            }
        }

        void update(AgentPool pool, double nowMs, Long selected) {
            String total = pool.unlimited() ? "unlimited" : Integer.toString(pool.total());
            String free = pool.unlimited() ? "" : " · " + Math.max(0, pool.free()) + " free";
            WorkerSlotNode.setText(summary, "agents " + total + free + " · out " + pool.busy().size()
                    + " · waiting " + pool.waitingOrders().size());
            int shown = Math.min(MAX_AGENT_SLOTS, pool.busy().size());
            if (out.getChildren().size() != shown) {
                out.getChildren().setAll(agentLabels.subList(0, shown));
            }
            for (int i = 0; i < shown; i++) {
                AgentSlot a = pool.busy().get(i);
                Label l = agentLabels.get(i);
                l.setUserData(a.orderId());
                String id = DiagramStyles.agentId(a.agent());
                if (!id.equals(l.getId())) {
                    l.setId(id);
                }
                // Whole tenths: the label changes a few times per trip, not on every frame.
                int pct = (int) Math.floor(a.tripProgressAt(nowMs) * 10) * 10;
                WorkerSlotNode.setText(l, Texts.order(a.orderId()) + " " + pct + "%");
                boolean mine = selected != null && a.orderId() == selected;
                l.pseudoClassStateChanged(DiagramStyles.SELECTED, mine);
                l.pseudoClassStateChanged(DiagramStyles.DIMMED, selected != null && !mine);
            }
        }
    }
}
