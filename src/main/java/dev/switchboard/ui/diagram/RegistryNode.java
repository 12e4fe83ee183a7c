package dev.switchboard.ui.diagram;

import dev.switchboard.model.ServiceId;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service registry, shown only while discovery is on: its settings and, per service, the instances
 * it knows as entries ({@code registry-entry}, id {@code registry-<service>-<n>}, labelled {@code #n+1}):
 * {@code :pulse} for a moment after each heartbeat, {@code :removed} (struck, "✕") once the registry
 * deregistered the instance, until it registers again. Style class {@code registry-node}, id
 * {@code service-registry}; each service's row {@code registry-row}.
 */
final class RegistryNode extends VBox {

    private final Label settings = new Label();
    private final Map<ServiceId, HBox> rows = new EnumMap<>(ServiceId.class);
    private final Map<String, Label> entries = new HashMap<>();

    RegistryNode(DiagramLayout.Box box) {
        setId(DiagramStyles.ID_SERVICE_REGISTRY);
        getStyleClass().add(DiagramStyles.REGISTRY_NODE);
        Label title = new Label("Service registry");
        title.getStyleClass().add(DiagramStyles.NODE_TITLE);
        settings.getStyleClass().add(DiagramStyles.NODE_DETAIL);
        RenderCache.cache(title);
        getChildren().addAll(title, settings);
        for (ServiceId id : ServiceId.values()) {
            Label name = new Label(id.displayName().replace(" Service", ""));
            name.getStyleClass().add(DiagramStyles.NODE_DETAIL);
            name.setMinWidth(62);
            HBox row = new HBox(3, name);
            row.getStyleClass().add(DiagramStyles.REGISTRY_ROW);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            rows.put(id, row);
        }
        box.pin(this);
        setVisible(false);
    }

    /** Room for the service names at {@code zoom} (the box itself is pinned by the view). */
    void setZoom(double zoom) {
        for (HBox row : rows.values()) {
            ((Label) row.getChildren().get(0)).setMinWidth(62 * zoom);
            row.setSpacing(3 * zoom);
        }
    }

    void update(DiagramState state, double nowMs) {
        boolean on = state.discoveryOn();
        if (isVisible() != on) {
            setVisible(on);
        }
        if (!on) {
            return;
        }
        WorkerSlotNode.setText(settings, state.discoveryDescription());
        for (ServiceId id : ServiceId.values()) {
            List<RegistryEntry> known = state.registry(id);
            HBox row = rows.get(id);
            boolean shown = getChildren().contains(row);
            if (known.isEmpty()) {
                if (shown) {
                    getChildren().remove(row);
                }
                continue;
            }
            if (!shown) {
                insertRow(id, row);
            }
            if (row.getChildren().size() - 1 != known.size()) {
                row.getChildren().remove(1, row.getChildren().size());
                for (RegistryEntry e : known) {
                    row.getChildren().add(entry(e));
                }
            }
            for (int i = 0; i < known.size(); i++) {
                RegistryEntry e = known.get(i);
                Label l = (Label) row.getChildren().get(i + 1);
                if (!DiagramStyles.registryEntryId(id, e.instance()).equals(l.getId())) {
                    row.getChildren().set(i + 1, entry(e));
                    l = (Label) row.getChildren().get(i + 1);
                }
                WorkerSlotNode.setText(l, "#" + (e.instance() + 1) + (e.registered() ? "" : " ✕"));
                l.pseudoClassStateChanged(DiagramStyles.REMOVED, !e.registered());
                l.pseudoClassStateChanged(DiagramStyles.PULSE, e.registered() && e.pulsingAt(nowMs));
            }
        }
    }

    /** Rows in the services' order, after the title and the settings. */
    private void insertRow(ServiceId id, HBox row) {
        int at = 2;
        for (ServiceId other : ServiceId.values()) {
            if (other == id) {
                break;
            }
            if (getChildren().contains(rows.get(other))) {
                at++;
            }
        }
        getChildren().add(at, row);
    }

    private Label entry(RegistryEntry e) {
        return entries.computeIfAbsent(DiagramStyles.registryEntryId(e.service(), e.instance()), key -> {
            Label l = new Label();
            l.setId(key);
            l.getStyleClass().add(DiagramStyles.REGISTRY_ENTRY);
            return l;
        });
    }

    /** The entry of an instance currently listed, or null. */
    Label entryOf(ServiceId service, int instance) {
        Label l = entries.get(DiagramStyles.registryEntryId(service, instance));
        return l != null && l.getParent() != null && l.getParent().getParent() == this ? l : null;
    }
}
