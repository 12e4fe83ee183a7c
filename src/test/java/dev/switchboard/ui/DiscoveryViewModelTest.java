package dev.switchboard.ui;

import dev.switchboard.flow.Balancing;
import dev.switchboard.flow.DiscoverySpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instances and the registry in the view model, on the real engine without a window. */
class DiscoveryViewModelTest {
    private MainViewModel vm;
    private DiscoveryViewModel discovery;
    private TestFlows.Recorder recorder;

    @BeforeEach
    void openTheQuietHybridFlow() {
        vm = new MainViewModel();
        discovery = vm.controls().discovery();
        recorder = new TestFlows.Recorder();
        vm.playback().addListener(recorder);
        vm.open(TestFlows.quietHybrid(), "test");
    }

    @Test
    void eachServiceStartsWithTheInstancesTheTraceAnnounced() {
        for (ServiceId id : ServiceId.values()) {
            assertEquals(List.of(new InstanceStatus(0, true, false)), discovery.instancesProperty(id).get(), id.key());
        }
        assertFalse(discovery.registryOnProperty().get());
        assertEquals(DiscoverySpec.DEFAULTS, discovery.registryProperty().get());
    }

    @Test
    void moreReplicasAddInstancesAndFewerShutTheHighestDown() {
        assertTrue(discovery.setInstances(ServiceId.KITCHEN, 3));
        assertEquals(new Command.SetInstances(ServiceId.KITCHEN, 3),
                recorder.last(TraceEvent.CommandApplied.class).command());
        assertEquals(List.of(0, 1, 2), discovery.instancesProperty(ServiceId.KITCHEN).get().stream()
                .map(InstanceStatus::index).toList());
        assertEquals(3, vm.controls().serviceProperty(ServiceId.KITCHEN).get().instances());
        discovery.setInstances(ServiceId.KITCHEN, 1);
        vm.playback().advanceBy(1);
        assertEquals(List.of(new InstanceStatus(0, true, false)), discovery.instancesProperty(ServiceId.KITCHEN).get(),
                "idle instances shut down and are gone");
    }

    @Test
    void crashingOneInstanceLeavesTheServiceUp() {
        discovery.setInstances(ServiceId.INVENTORY, 2);
        assertTrue(discovery.setInstanceDown(ServiceId.INVENTORY, 1, true));
        assertEquals(List.of(new InstanceStatus(0, true, false), new InstanceStatus(1, false, false)),
                discovery.instancesProperty(ServiceId.INVENTORY).get());
        assertTrue(vm.controls().upProperty(ServiceId.INVENTORY).get());
        assertEquals(2, discovery.instancesProperty(ServiceId.INVENTORY).get().get(1).number(), "shown counted from 1");
    }

    @Test
    void anInstanceThatDoesNotExistIsRefusedWithAMessage() {
        assertFalse(discovery.setInstanceDown(ServiceId.ORDER, 3, true));
        assertEquals("Order Service has no instance 4; it runs 1.", vm.playback().statusTextProperty().get());
        assertTrue(vm.playback().statusIsProblemProperty().get());
    }

    @Test
    void theRegistrySwitchesOnWithItsShownSettingsAndEachSliderChangesOne() {
        assertTrue(discovery.setRegistryOn(true));
        assertEquals(new Command.SetDiscovery(DiscoverySpec.DEFAULTS), recorder.last(TraceEvent.CommandApplied.class).command());
        assertTrue(discovery.registryOnProperty().get());
        discovery.setHeartbeatInterval(250);
        discovery.setMissedHeartbeats(2);
        discovery.setCacheTtl(500);
        discovery.setBalancing(Balancing.LEAST_BUSY);
        DiscoverySpec tuned = new DiscoverySpec(250, 2, 500, Balancing.LEAST_BUSY);
        assertEquals(tuned, discovery.registryProperty().get());
        discovery.setRegistryOn(false);
        assertFalse(discovery.registryOnProperty().get());
        assertEquals(tuned, discovery.registryProperty().get(), "the sliders keep the last values while off");
        assertFalse(discovery.setHeartbeatInterval(5));
        assertTrue(vm.playback().statusTextProperty().get().startsWith("heartbeatIntervalMs must be 10 to 600000"));
    }

    @Test
    void resetToFlowValuesRestoresInstancesCrashesAndTheRegistry() throws FlowException {
        Flow failover = FlowLoader.loadSample("instance-failover.json");
        vm.open(failover, "instance-failover.json");
        assertTrue(discovery.registryOnProperty().get());
        assertEquals(failover.discovery(), discovery.registryProperty().get());
        assertEquals(3, discovery.instancesProperty(ServiceId.INVENTORY).get().size());
        discovery.setInstanceDown(ServiceId.INVENTORY, 0, true);
        discovery.setInstances(ServiceId.KITCHEN, 4);
        discovery.setRegistryOn(false);
        vm.controls().resetToFlow();
        vm.playback().advanceBy(1);
        assertTrue(discovery.instancesProperty(ServiceId.INVENTORY).get().stream().allMatch(InstanceStatus::up));
        assertEquals(1, discovery.instancesProperty(ServiceId.KITCHEN).get().size());
        assertTrue(discovery.registryOnProperty().get());
        assertEquals(failover.discovery(), discovery.registryProperty().get());
    }
}
