package dev.switchboard.ui;

import dev.switchboard.flow.BreakerPolicy;
import dev.switchboard.flow.BulkheadPolicy;
import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.trace.Command;
import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resilience view model on the real engine, without a window: values become commands, settings become control values. */
class ResilienceViewModelTest {
    private static final LinkId STOCK = LinkId.ORDER_INVENTORY;
    private MainViewModel vm;
    private ResilienceViewModel resilience;
    private TestFlows.Recorder recorder;

    @BeforeEach
    void openTheQuietHybridFlow() {
        vm = new MainViewModel();
        resilience = vm.controls().resilience();
        recorder = new TestFlows.Recorder();
        vm.playback().addListener(recorder);
        vm.open(TestFlows.quietHybrid(), "test");
    }

    private Command lastCommand() {
        return recorder.last(TraceEvent.CommandApplied.class).command();
    }

    private LinkSpec link(LinkId id) {
        return vm.controls().linkProperty(id).get();
    }

    @Test
    void aLinkWithoutMechanismsShowsThemOffWithDefaultValues() {
        SyncResilience shown = resilience.syncProperty(STOCK).get();
        assertEquals(new SyncResilience(false, ResilienceViewModel.DEFAULT_RETRY, false, BreakerPolicy.defaults(),
                false, ResilienceViewModel.DEFAULT_BULKHEAD, StockFallback.FAIL), shown);
    }

    @Test
    void switchingRetriesOnSendsTheShownPolicyAndOffSendsNone() {
        assertTrue(resilience.setRetryOn(STOCK, true));
        assertEquals(new Command.SetRetry(STOCK, ResilienceViewModel.DEFAULT_RETRY), lastCommand());
        assertTrue(resilience.syncProperty(STOCK).get().retryOn());
        assertTrue(resilience.setRetryAttempts(STOCK, 5));
        assertEquals(new RetryPolicy(5, 100, 2, 0.2), link(STOCK).retry());
        assertTrue(resilience.setRetryOn(STOCK, false));
        assertEquals(RetryPolicy.NONE, link(STOCK).retry());
        SyncResilience off = resilience.syncProperty(STOCK).get();
        assertFalse(off.retryOn());
        assertEquals(new RetryPolicy(5, 100, 2, 0.2), off.retry(), "the sliders keep the last values while off");
        assertTrue(resilience.setRetryOn(STOCK, true));
        assertEquals(new RetryPolicy(5, 100, 2, 0.2), link(STOCK).retry(), "switching on again brings them back");
    }

    @Test
    void eachRetrySliderChangesOneFieldOfThePolicy() {
        resilience.setRetryOn(STOCK, true);
        resilience.setRetryBaseDelay(STOCK, 250);
        resilience.setRetryMultiplier(STOCK, 3.5);
        resilience.setRetryJitter(STOCK, 0.5);
        assertEquals(new RetryPolicy(3, 250, 3.5, 0.5), link(STOCK).retry());
        assertEquals(new Command.SetRetry(STOCK, new RetryPolicy(3, 250, 3.5, 0.5)), lastCommand());
    }

    @Test
    void theBreakerIsOnlyOnWithAPolicyAndItsWindowTakesTheMinimumDown() {
        assertTrue(resilience.setBreakerOn(STOCK, true));
        assertEquals(BreakerPolicy.defaults(), link(STOCK).breaker());
        resilience.setBreakerThreshold(STOCK, 0.3);
        resilience.setBreakerOpenMs(STOCK, 1200);
        resilience.setBreakerHalfOpenCalls(STOCK, 4);
        resilience.setBreakerWindow(STOCK, 3);
        assertEquals(new BreakerPolicy(0.3, 3, 3, 1200, 4), link(STOCK).breaker());
        assertTrue(resilience.setBreakerOn(STOCK, false));
        assertNull(link(STOCK).breaker());
        assertEquals(new Command.SetBreaker(STOCK, null), lastCommand());
    }

    @Test
    void moreMinimumCallsThanTheWindowIsRefusedWithItsMessage() {
        resilience.setBreakerOn(STOCK, true);
        int commands = recorder.all(TraceEvent.CommandApplied.class).size();
        assertFalse(resilience.setBreakerMinimumCalls(STOCK, 50));
        assertEquals("The breaker can wait for at most as many calls as its window remembers (10), so it cannot "
                + "wait for 50 before judging. Widen the window first.", vm.playback().statusTextProperty().get());
        assertTrue(vm.playback().statusIsProblemProperty().get());
        assertEquals(commands, recorder.all(TraceEvent.CommandApplied.class).size(), "nothing was applied");
        assertEquals(BreakerPolicy.defaults(), link(STOCK).breaker());
    }

    @Test
    void theBulkheadRejectsOrWaitsUpToItsMaximumWait() {
        resilience.setBulkheadOn(STOCK, true);
        resilience.setBulkheadMaxConcurrent(STOCK, 5);
        resilience.setBulkheadWaits(STOCK, true);
        resilience.setBulkheadMaxWait(STOCK, 800);
        assertEquals(new BulkheadPolicy(5, true, 800), link(STOCK).bulkhead());
        assertTrue(resilience.syncProperty(STOCK).get().bulkheadOn());
        resilience.setBulkheadOn(STOCK, false);
        assertNull(link(STOCK).bulkhead());
    }

    @Test
    void theStockFallbackIsOneCommand() {
        assertTrue(resilience.setStockFallback(StockFallback.ACCEPT));
        assertEquals(new Command.SetStockFallback(StockFallback.ACCEPT), lastCommand());
        assertEquals(StockFallback.ACCEPT, resilience.syncProperty(STOCK).get().fallback());
    }

    @Test
    void deliverySettingsChangeOneFieldEachAndKeepTheOthers() {
        LinkId queue = LinkId.ORDER_KITCHEN;
        resilience.setAcks(queue, true);
        resilience.setMaxDeliveries(queue, 4);
        resilience.setAckTimeout(queue, 2000);
        resilience.setOverflow(queue, OverflowPolicy.DROP_OLDEST);
        resilience.setMessageTtl(queue, 9000);
        resilience.setDurable(LinkId.KITCHEN_DELIVERY, false);
        assertEquals(new DeliveryPolicy(true, 4, 2000, OverflowPolicy.DROP_OLDEST, 9000, true), link(queue).delivery());
        assertFalse(link(LinkId.KITCHEN_DELIVERY).delivery().durable());
        assertEquals(new Command.SetDeliveryPolicy(LinkId.KITCHEN_DELIVERY, DeliveryPolicy.DEFAULTS.withDurable(false)),
                lastCommand());
    }

    @Test
    void theCapacitySlidersFarRightIsUnlimited() {
        assertEquals(LinkSpec.UNLIMITED, ResilienceViewModel.capacityFromSlider(101));
        assertEquals(LinkSpec.UNLIMITED, ResilienceViewModel.capacityFromSlider(100.6));
        assertEquals(100, ResilienceViewModel.capacityFromSlider(100.2));
        assertEquals(1, ResilienceViewModel.capacityFromSlider(0.7));
        assertEquals(101, ResilienceViewModel.capacityToSlider(LinkSpec.UNLIMITED));
        assertEquals(12, ResilienceViewModel.capacityToSlider(12));
        assertEquals("unlimited", ResilienceViewModel.capacityText(LinkSpec.UNLIMITED));
        assertTrue(resilience.setCapacity(LinkId.ORDER_KITCHEN, 7));
        assertEquals(7, link(LinkId.ORDER_KITCHEN).capacity());
    }

    @Test
    void poisonRateAndIdempotencyAreServiceSettings() {
        resilience.setPoisonRate(ServiceId.KITCHEN, 0.25);
        resilience.setIdempotent(ServiceId.KITCHEN, true);
        assertEquals(0.25, vm.controls().serviceProperty(ServiceId.KITCHEN).get().poisonRate());
        assertTrue(vm.controls().serviceProperty(ServiceId.KITCHEN).get().idempotent());
        assertFalse(resilience.setPoisonRate(ServiceId.KITCHEN, 1.5));
        assertEquals("The poison rate must be 0% to 100%, not 150%.", vm.playback().statusTextProperty().get());
    }

    @Test
    void resetToFlowValuesUndoesEveryResilienceChange() throws FlowException {
        Flow breaker = FlowLoader.loadSample("circuit-breaker.json");
        vm.open(breaker, "circuit-breaker.json");
        resilience.setBreakerOn(STOCK, false);
        resilience.setRetryOn(STOCK, true);
        resilience.setBulkheadOn(STOCK, true);
        resilience.setStockFallback(StockFallback.REJECT);
        resilience.setAcks(LinkId.ORDER_KITCHEN, true);
        resilience.setCapacity(LinkId.ORDER_KITCHEN, 3);
        resilience.setIdempotent(ServiceId.KITCHEN, true);
        vm.controls().resetToFlow();
        for (LinkId id : LinkId.values()) {
            assertEquals(breaker.link(id), link(id), id.key());
        }
        assertEquals(breaker.service(ServiceId.KITCHEN), vm.controls().serviceProperty(ServiceId.KITCHEN).get());
        assertTrue(resilience.syncProperty(STOCK).get().breakerOn());
        assertEquals(0, vm.controls().resetToFlow(), "nothing is left to put back");
    }
}
