package dev.switchboard.ui.diagram;

import dev.switchboard.trace.CustomerGauge;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The gauge of what customers feel, in large type at the top of the diagram: how long an order waits
 * to be accepted and to be delivered (p50 and p95 over the latest orders), how many Order workers are
 * blocked on a call now and how many orders wait for one. It shows a {@link CustomerGauge}'s reading.
 * Style class {@code gauge-node}, id {@code customer-gauge}; values {@code gauge-value} with
 * {@code :alarm} while workers are blocked or orders wait; value ids {@code gauge-accept},
 * {@code gauge-accept-p95}, {@code gauge-delivery}, {@code gauge-delivery-p95}, {@code gauge-blocked},
 * {@code gauge-waiting}.
 */
final class GaugeNode extends VBox {

    private final Label title = new Label();
    private final Label accept = value("gauge-accept");
    private final Label acceptP95 = value("gauge-accept-p95");
    private final Label delivery = value("gauge-delivery");
    private final Label deliveryP95 = value("gauge-delivery-p95");
    private final Label blocked = value("gauge-blocked");
    private final Label waiting = value("gauge-waiting");
    private CustomerGauge.Reading shown;

    GaugeNode(DiagramLayout.Box box, int window) {
        setId(DiagramStyles.ID_GAUGE);
        getStyleClass().add(DiagramStyles.GAUGE_NODE);
        title.setText("What customers feel");
        title.getStyleClass().add(DiagramStyles.NODE_TITLE);
        GridPane rows = new GridPane();
        rows.getStyleClass().add("gauge-rows");
        rows.addRow(0, name("last " + window + " orders"), name("p50"), name("p95"));
        rows.addRow(1, name("accepted after"), accept, acceptP95);
        rows.addRow(2, name("delivered after"), delivery, deliveryP95);
        rows.add(name("Order workers blocked"), 0, 3);
        rows.add(blocked, 1, 3);
        rows.add(name("orders waiting"), 0, 4);
        rows.add(waiting, 1, 4);
        RenderCache.cache(title);
        getChildren().addAll(title, rows);
        box.pin(this);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("gauge-name");
        RenderCache.cache(l);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(DiagramStyles.GAUGE_VALUE);
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }

    void update(CustomerGauge.Reading r) {
        if (r.equals(shown)) {
            return;
        }
        shown = r;
        WorkerSlotNode.setText(accept, latency(r.acceptedCount(), r.acceptP50Ms()));
        WorkerSlotNode.setText(acceptP95, latency(r.acceptedCount(), r.acceptP95Ms()));
        WorkerSlotNode.setText(delivery, latency(r.deliveredCount(), r.deliveryP50Ms()));
        WorkerSlotNode.setText(deliveryP95, latency(r.deliveredCount(), r.deliveryP95Ms()));
        WorkerSlotNode.setText(blocked, Integer.toString(r.orderWorkersBlocked()));
        WorkerSlotNode.setText(waiting, Integer.toString(r.ordersWaiting()));
        blocked.pseudoClassStateChanged(DiagramStyles.ALARM, r.orderWorkersBlocked() > 0);
        waiting.pseudoClassStateChanged(DiagramStyles.ALARM, r.ordersWaiting() > 0);
    }

    /** "120 ms", or "—" before any order got that far. */
    static String latency(long count, double ms) {
        return count == 0 ? "—" : Texts.duration(ms);
    }
}
