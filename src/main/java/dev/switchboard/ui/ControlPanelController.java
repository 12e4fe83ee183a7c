package dev.switchboard.ui;

import dev.switchboard.trace.Numbers;

import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import javafx.fxml.FXML;
import javafx.scene.control.Accordion;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The view of the live controls panel ({@code ControlPanel.fxml}): it builds one slider row per
 * setting into the panel's grids, shows the values the {@link ControlsViewModel} reads from the
 * trace and passes each user change to it; {@link ResilienceControls} and {@link DiscoveryControls}
 * add the issue-4 sections. Node ids follow {@code <setting>Slider-<link or service>}.
 */
public final class ControlPanelController {
    private final ControlsViewModel controls;
    private final Map<LinkId, ToggleGroup> styleGroups = new EnumMap<>(LinkId.class);
    private final Map<ServiceId, ToggleButton> downToggles = new EnumMap<>(ServiceId.class);
    private boolean showingStyle;

    @FXML private VBox styleBox;
    @FXML private Button resetControlsButton;
    @FXML private Accordion controlsAccordion;
    @FXML private TitledPane orderInventoryPane;
    @FXML private TitledPane orderKitchenPane;
    @FXML private TitledPane kitchenDeliveryPane;
    @FXML private GridPane orderInventoryGrid;
    @FXML private GridPane orderKitchenGrid;
    @FXML private GridPane kitchenDeliveryGrid;
    @FXML private GridPane orderServiceGrid;
    @FXML private GridPane inventoryServiceGrid;
    @FXML private GridPane kitchenServiceGrid;
    @FXML private GridPane deliveryServiceGrid;
    @FXML private VBox orderInventoryBox;
    @FXML private VBox orderKitchenBox;
    @FXML private VBox kitchenDeliveryBox;
    @FXML private VBox orderServiceBox;
    @FXML private VBox inventoryServiceBox;
    @FXML private VBox kitchenServiceBox;
    @FXML private VBox deliveryServiceBox;
    @FXML private TitledPane retriesPane;
    @FXML private TitledPane breakersPane;
    @FXML private TitledPane bulkheadsPane;
    @FXML private TitledPane messageDeliveryPane;
    @FXML private TitledPane registryPane;
    @FXML private VBox retriesBox;
    @FXML private VBox breakersBox;
    @FXML private VBox bulkheadsBox;
    @FXML private VBox messageDeliveryBox;
    @FXML private VBox registryBox;

    public ControlPanelController(ControlsViewModel controls) {
        this.controls = controls;
    }

    /** Loads ControlPanel.fxml bound to {@code controls}: the panel's root ({@code #controlPanelRoot}). */
    static javafx.scene.Node load(ControlsViewModel controls) {
        javafx.fxml.FXMLLoader loader = new javafx.fxml.FXMLLoader(MainWindow.resource("/fxml/ControlPanel.fxml"));
        loader.setControllerFactory(type -> new ControlPanelController(controls));
        try {
            return loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load the controls panel's FXML", e);
        }
    }

    /** The id part that names a link or service, e.g. {@code order-kitchen} or {@code kitchen}. */
    public static String idPart(LinkId link) {
        return link.key().replace("->", "-");
    }

    @FXML
    private void initialize() {
        // The style switches first: each link's rows show its style on them as they show its values.
        addStyleSwitch(LinkId.ORDER_KITCHEN, "Order → Kitchen");
        addStyleSwitch(LinkId.KITCHEN_DELIVERY, "Kitchen → Delivery");
        addLinkRows(LinkId.ORDER_INVENTORY, orderInventoryGrid, orderInventoryPane);
        addLinkRows(LinkId.ORDER_KITCHEN, orderKitchenGrid, orderKitchenPane);
        addLinkRows(LinkId.KITCHEN_DELIVERY, kitchenDeliveryGrid, kitchenDeliveryPane);
        addServiceRows(ServiceId.ORDER, orderServiceGrid);
        addServiceRows(ServiceId.INVENTORY, inventoryServiceGrid);
        addServiceRows(ServiceId.KITCHEN, kitchenServiceGrid);
        addServiceRows(ServiceId.DELIVERY, deliveryServiceGrid);
        ResilienceControls resilience = new ResilienceControls(controls);
        resilience.addFallbackSection(orderInventoryBox);
        resilience.fillRetriesPane(retriesPane, retriesBox);
        resilience.fillBreakersPane(breakersPane, breakersBox);
        resilience.fillBulkheadsPane(bulkheadsPane, bulkheadsBox);
        resilience.fillDeliveryPane(messageDeliveryPane, messageDeliveryBox);
        DiscoveryControls discovery = new DiscoveryControls(controls);
        discovery.addInstanceSection(ServiceId.ORDER, orderServiceBox);
        discovery.addInstanceSection(ServiceId.INVENTORY, inventoryServiceBox);
        discovery.addInstanceSection(ServiceId.KITCHEN, kitchenServiceBox);
        discovery.addInstanceSection(ServiceId.DELIVERY, deliveryServiceBox);
        resilience.addConsumerSection(ServiceId.KITCHEN, kitchenServiceBox);
        resilience.addConsumerSection(ServiceId.DELIVERY, deliveryServiceBox);
        discovery.addRegistrySection(registryPane, registryBox);
        resetControlsButton.setOnAction(e -> controls.resetToFlow());
        for (TitledPane pane : controlsAccordion.getPanes()) {
            // A long title (which links a mechanism is on for) is cut short rather than widening the panel.
            pane.setMinWidth(0);
        }
        controlsAccordion.setExpandedPane(controlsAccordion.getPanes().get(0));
    }

    private void addLinkRows(LinkId link, GridPane grid, TitledPane pane) {
        LiveSlider.keepNamesAndValuesWhole(grid);
        String id = idPart(link);
        // Latency and jitter make one distribution together, so each commits with the other's value.
        LiveSlider latencyRow = new LiveSlider("latencySlider-" + id, 0, 2000, ControlPanelController::ms,
                v -> controls.setLatency(link, Math.round(v), jitterOf(link)));
        LiveSlider jitterRow = new LiveSlider("jitterSlider-" + id, 0, 1000, ControlPanelController::ms,
                v -> controls.setLatency(link, meanOf(link), Math.round(v)));
        LiveSlider loss = new LiveSlider("lossSlider-" + id, 0, 1, ControlPanelController::percent,
                v -> controls.setLossRate(link, round(v, 0.01)));
        LiveSlider timeout = new LiveSlider("timeoutSlider-" + id, 0, 10_000, ControlPanelController::ms,
                v -> controls.setTimeout(link, Math.round(v)));
        latencyRow.addTo(grid, 0, "Latency", "Mean time a message needs to cross this link.");
        jitterRow.addTo(grid, 1, "Jitter", "How far each message's latency may vary from the mean (±).");
        loss.addTo(grid, 2, "Loss", "Share of messages on this link that vanish on the way.");
        timeout.addTo(grid, 3, "Timeout", "How long a blocked caller waits for a reply (sync links only).");
        pane.setText(title(link));
        LiveValue.follow(controls.linkProperty(link), spec -> {
            if (spec == null) {
                return;
            }
            double mean = ControlsViewModel.latencyMean(spec.latencyMs());
            latencyRow.show(mean, ms(mean) + (spec.latencyMs() instanceof dev.switchboard.sim.Distribution.Fixed
                    ? "" : " avg"));
            jitterRow.show(ControlsViewModel.latencyJitter(spec.latencyMs()));
            loss.show(spec.lossRate());
            timeout.show(spec.timeoutMs());
            timeout.setDisable(spec.style() != LinkStyle.SYNC);
            pane.setText(title(link) + " (" + spec.style().key() + ")");
            showStyle(link, spec.style());
        });
    }

    private double meanOf(LinkId link) {
        LinkSpec spec = controls.linkProperty(link).get();
        return spec == null ? 0 : ControlsViewModel.latencyMean(spec.latencyMs());
    }

    private double jitterOf(LinkId link) {
        LinkSpec spec = controls.linkProperty(link).get();
        return spec == null ? 0 : ControlsViewModel.latencyJitter(spec.latencyMs());
    }

    private void addServiceRows(ServiceId service, GridPane grid) {
        LiveSlider.keepNamesAndValuesWhole(grid);
        String id = service.key();
        int row = 0;
        LiveSlider workers = new LiveSlider("workersSlider-" + id, 1, 16, v -> String.valueOf(Math.round(v)),
                v -> controls.setWorkers(service, (int) Math.round(v)));
        workers.slider().setMajorTickUnit(5);
        workers.slider().setMinorTickCount(4);
        workers.slider().setSnapToTicks(true);
        workers.slider().setBlockIncrement(1);
        workers.addTo(grid, row++, "Workers", "How many requests this service can work on at the same time.");
        LiveSlider errors = new LiveSlider("errorRateSlider-" + id, 0, 1, ControlPanelController::percent,
                v -> controls.setErrorRate(service, round(v, 0.01)));
        errors.addTo(grid, row++, "Error rate", "Share of this service's work that fails.");
        LiveSlider slowdown = new LiveSlider("slowdownSlider-" + id, 1, 10, ControlPanelController::factor,
                v -> controls.setSlowdown(service, round(v, 0.1)));
        slowdown.addTo(grid, row++, "Slowdown", "This service's work takes this many times longer.");
        LiveSlider preparation = null;
        LiveSlider agents = null;
        LiveSlider stockOut = null;
        if (service == ServiceId.KITCHEN) {
            preparation = new LiveSlider("prepTimeSlider-kitchen", 0, 5000, ControlPanelController::ms,
                    v -> controls.setPreparationTime(Math.round(v)));
            preparation.addTo(grid, row++, "Preparation", "Mean time to prepare one meal.");
        }
        if (service == ServiceId.DELIVERY) {
            agents = new LiveSlider("agentsSlider-delivery", 1, 20, v -> String.valueOf(Math.round(v)),
                    v -> controls.setAgents((int) Math.round(v)));
            agents.slider().setBlockIncrement(1);
            agents.addTo(grid, row++, "Agents", "Delivery agents on the road at most at once.");
        }
        if (service == ServiceId.INVENTORY) {
            stockOut = new LiveSlider("stockOutSlider-inventory", 0, 1, ControlPanelController::percent,
                    v -> controls.setStockOutRate(round(v, 0.01)));
            stockOut.addTo(grid, row++, "Out of stock", "Share of stock checks that find nothing left.");
        }
        ToggleButton down = new ToggleButton("Take down");
        down.setId("downToggle-" + id);
        down.getStyleClass().add(StyleClasses.DOWN_TOGGLE);
        down.setOnAction(e -> {
            if (!controls.setDown(service, down.isSelected())) {
                down.setSelected(!controls.upProperty(service).get());
            }
        });
        downToggles.put(service, down);
        Label downLabel = new Label("Status");
        downLabel.getStyleClass().add(StyleClasses.SETTING_NAME);
        down.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(downLabel, 0, row);
        grid.add(down, 1, row, 2, 1);

        LiveSlider prep = preparation;
        LiveSlider agentsRow = agents;
        LiveSlider stockOutRow = stockOut;
        LiveValue.follow(controls.serviceProperty(service), spec -> {
            if (spec == null) {
                return;
            }
            workers.show(spec.workers());
            errors.show(spec.errorRate());
            slowdown.show(spec.slowdown());
            if (prep != null) {
                prep.show(spec.workMs().meanMs(), Numbers.distribution(spec.workMs()));
            }
            if (agentsRow != null) {
                agentsRow.show(spec.agents(), spec.agents() == ServiceSpec.UNLIMITED ? "unlimited"
                        : String.valueOf(spec.agents()));
            }
            if (stockOutRow != null) {
                stockOutRow.show(spec.stockOutRate());
            }
        });
        LiveValue.follow(controls.upProperty(service), isUp -> {
            down.setSelected(!isUp);
            down.setText(isUp ? "Take down" : "Bring back up");
        });
    }

    private void addStyleSwitch(LinkId link, String name) {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(6);
        row.getStyleClass().add(StyleClasses.STYLE_SWITCH);
        Label label = new Label(name);
        label.getStyleClass().add(StyleClasses.SETTING_NAME);
        label.setMinWidth(Region.USE_PREF_SIZE);
        row.getChildren().add(label);
        for (LinkStyle style : new LinkStyle[] {LinkStyle.SYNC, link.defaultStyle()}) {
            ToggleButton button = new ToggleButton(style.key());
            button.setId("styleButton-" + idPart(link) + "-" + style.key());
            button.setUserData(style);
            button.setToggleGroup(group);
            row.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (showingStyle) {
                return;
            }
            if (selected == null) {
                // A toggle group lets the user unselect; a link always has a style, so keep the old one.
                selectStyle(group, old);
                return;
            }
            LinkStyle style = (LinkStyle) selected.getUserData();
            LinkSpec current = controls.linkProperty(link).get();
            if (current != null && current.style() == style) {
                return;
            }
            if (!controls.setStyle(link, style) && current != null) {
                showStyle(link, current.style());
            }
        });
        styleGroups.put(link, group);
        styleBox.getChildren().add(row);
    }

    private void showStyle(LinkId link, LinkStyle style) {
        ToggleGroup group = styleGroups.get(link);
        if (group == null) {
            return;
        }
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == style) {
                selectStyle(group, toggle);
            }
        }
    }

    private void selectStyle(ToggleGroup group, Toggle toggle) {
        showingStyle = true;
        try {
            group.selectToggle(toggle);
        } finally {
            showingStyle = false;
        }
    }

    static String title(LinkId link) {
        return capitalize(link.from().key()) + " → " + capitalize(link.to().key());
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String ms(double value) {
        return Numbers.ms(value);
    }

    static String count(double value) {
        return String.valueOf(Math.round(value));
    }

    static String percent(double rate) {
        return Numbers.percent(rate);
    }

    static String factor(double value) {
        return Numbers.factor(value);
    }

    /** Rounds a slider's value to the control's step, so a drag sends 0.25 and not 0.2500813. */
    static double round(double value, double step) {
        double perUnit = Math.round(1 / step);
        return Math.round(value * perUnit) / perUnit;
    }
}
