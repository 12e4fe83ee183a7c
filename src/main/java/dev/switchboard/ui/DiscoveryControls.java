package dev.switchboard.ui;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.model.ServiceId;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.ui.ControlPanelController.ms;

/**
 * Builds the instance rows of each service pane (a replicas slider and one crash toggle per
 * instance, following the instances the trace reports) and the service registry's section.
 */
final class DiscoveryControls {
    private final ControlsViewModel controls;
    private final DiscoveryViewModel discovery;

    DiscoveryControls(ControlsViewModel controls) {
        this.controls = controls;
        this.discovery = controls.discovery();
    }

    /** The "Instances" section of a service pane: {@code instancesSlider-<service>}, {@code instanceToggle-<service>-<n>}. */
    void addInstanceSection(ServiceId service, VBox box) {
        String id = service.key();
        SettingSection section = new SettingSection("Instances", null,
                "Replicas of this service side by side, each with the workers above; callers spread calls over them.");
        ResilienceControls.Reshow reshow = new ResilienceControls.Reshow();
        LiveSlider replicas = ResilienceControls.intSlider("instancesSlider-" + id, 1, ServiceSpec.MAX_INSTANCES,
                v -> reshow.unless(discovery.setInstances(service, v)));
        replicas.slider().setMajorTickUnit(1);
        replicas.slider().setMinorTickCount(0);
        replicas.slider().setSnapToTicks(true);
        FlowPane toggles = new FlowPane(4, 4);
        toggles.getStyleClass().add(StyleClasses.INSTANCE_TOGGLES);
        section.add(replicas, "Replicas", "How many instances run; extra ones finish their work and shut down.");
        section.add("Crash", toggles, "Crash one instance (red) or bring it back; the others keep working.");
        reshow.set(() -> {
            ServiceSpec spec = controls.serviceProperty(service).get();
            if (spec != null) {
                replicas.show(spec.instances());
            }
        });
        LiveValue.follow(controls.serviceProperty(service), spec -> reshow.run());
        Runnable rebuild = () -> showInstances(service, toggles);
        discovery.instancesProperty(service).addListener((obs, old, now) -> rebuild.run());
        controls.upProperty(service).addListener((obs, was, up) -> rebuild.run());
        rebuild.run();
        box.getChildren().add(section.node());
    }

    private void showInstances(ServiceId service, FlowPane toggles) {
        boolean serviceUp = controls.upProperty(service).get();
        List<ToggleButton> buttons = new ArrayList<>();
        for (InstanceStatus instance : discovery.instancesProperty(service).get()) {
            String buttonId = "instanceToggle-" + service.key() + "-" + instance.number();
            ToggleButton button = toggles.getChildren().stream()
                    .filter(n -> buttonId.equals(n.getId())).map(ToggleButton.class::cast).findFirst()
                    .orElseGet(() -> newInstanceToggle(service, instance.index(), buttonId));
            button.setSelected(serviceUp && !instance.up());
            button.setDisable(!serviceUp || instance.retiring());
            button.setText(instance.retiring() ? instance.number() + " (stopping)" : String.valueOf(instance.number()));
            buttons.add(button);
        }
        toggles.getChildren().setAll(buttons);
    }

    private ToggleButton newInstanceToggle(ServiceId service, int index, String buttonId) {
        ToggleButton button = new ToggleButton(String.valueOf(index + 1));
        button.setId(buttonId);
        button.getStyleClass().add(StyleClasses.DOWN_TOGGLE);
        button.setTooltip(new Tooltip("Crash instance " + (index + 1) + " or bring it back up"));
        button.setOnAction(e -> {
            discovery.setInstanceDown(service, index, button.isSelected());
            InstanceStatus now = discovery.instancesProperty(service).get().stream()
                    .filter(i -> i.index() == index).findFirst().orElse(null);
            button.setSelected(now != null && !now.up());
        });
        return button;
    }

    /** The registry pane's rows: {@code discoveryToggle-registry} and its settings. */
    void addRegistrySection(javafx.scene.control.TitledPane pane, VBox box) {
        String title = pane.getText();
        OnOffSwitch onOff = new OnOffSwitch("discoveryToggle-registry", () -> discovery.registryOnProperty().get(),
                discovery::setRegistryOn);
        SettingSection section = new SettingSection("Service registry", onOff,
                "Instances register and send heartbeats; callers look them up and cache the list. "
                        + "Off: every caller knows every instance.");
        ResilienceControls.Reshow reshow = new ResilienceControls.Reshow();
        LiveSlider heartbeat = new LiveSlider("heartbeatSlider-registry", 100, 5000, ControlPanelController::ms,
                v -> reshow.unless(discovery.setHeartbeatInterval(Math.round(v / 10) * 10.0)));
        LiveSlider missed = ResilienceControls.intSlider("missedHeartbeatsSlider-registry", 1, 10,
                v -> reshow.unless(discovery.setMissedHeartbeats(v)));
        LiveSlider cacheTtl = new LiveSlider("cacheTtlSlider-registry", 0, 20_000, ControlPanelController::ms,
                v -> reshow.unless(discovery.setCacheTtl(Math.round(v / 100) * 100.0)));
        ChoiceButtons<Balancing> balancing = new ChoiceButtons<>("balancingButton-registry",
                List.of(Balancing.values()), Balancing::key, () -> discovery.registryProperty().get().balancing(),
                discovery::setBalancing);
        section.add(heartbeat, "Heartbeat", "Each instance tells the registry it is alive this often.");
        section.add(missed, "Missed", "Heartbeats missed before the registry removes an instance.");
        section.add(cacheTtl, "Cache TTL", "How long a caller keeps the registry's list before asking again.");
        section.add("Balancing", balancing.node(), "round-robin: each call to the next instance · "
                + "least-busy: to the one with the fewest calls in progress");
        reshow.set(() -> {
            DiscoverySpec spec = discovery.registryProperty().get();
            onOff.refresh();
            section.setRowsDisabled(!discovery.registryOnProperty().get());
            heartbeat.show(spec.heartbeatIntervalMs());
            missed.show(spec.missedHeartbeats());
            cacheTtl.show(spec.cacheTtlMs(), ms(spec.cacheTtlMs()));
            balancing.refresh();
            pane.setText(discovery.registryOnProperty().get() ? title + " — on" : title);
        });
        discovery.registryProperty().addListener((obs, old, now) -> reshow.run());
        discovery.registryOnProperty().addListener((obs, old, now) -> reshow.run());
        reshow.run();
        box.getChildren().add(section.node());
    }
}
