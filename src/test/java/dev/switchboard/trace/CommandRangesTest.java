package dev.switchboard.trace;

import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.RetryPolicy;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.ServiceId;
import dev.switchboard.sim.Distribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Commands given while a run plays obey the same ranges of time as a flow file, with a sentence a person can read. */
class CommandRangesTest {

    @Test
    void aTimeoutLongerThanTheLongestDurationIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Command.SetLinkTimeout(LinkId.ORDER_INVENTORY, 1e308));
        assertEquals("A timeout must be at most 1000000000 ms (about 11.6 days), not 1.0E308 ms.", e.getMessage());
        assertDoesNotThrow(() -> new Command.SetLinkTimeout(LinkId.ORDER_INVENTORY, 1e9));
    }

    @Test
    void anArrivalRateSoLowThatOrdersWouldComeMoreThanTheLongestDurationApartIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Command.SetArrivalRate(1e-300));
        assertEquals("An arrival rate above 0 must be at least 0.000001 orders per second (one order in 1000000000 ms"
                + " (about 11.6 days)), not 1.0E-300; 0 stops arrivals.", e.getMessage());
        assertDoesNotThrow(() -> new Command.SetArrivalRate(0));
        assertDoesNotThrow(() -> new Command.SetArrivalRate(1e-6));
    }

    @Test
    void aWorkLatencyOrTripTimeLongerThanTheLongestDurationCannotEvenBeBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Command.SetWorkTime(ServiceId.KITCHEN, Distribution.fixed(2e9)));
        assertEquals("fixed value must be at most 1000000000 ms (about 11.6 days) but was 2.0E9", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Command.SetLinkLatency(LinkId.ORDER_KITCHEN, new Distribution.Uniform(0, 1e12)));
        assertThrows(IllegalArgumentException.class, () -> new Command.SetTripTime(new Distribution.Exponential(1e10)));
    }

    @Test
    void retryAndDeliveryCommandsCarryPoliciesThatRefuseTheSameRanges() {
        assertThrows(IllegalArgumentException.class,
                () -> new Command.SetRetry(LinkId.ORDER_INVENTORY, new RetryPolicy(20, 1000, 10, 0)));
        assertThrows(IllegalArgumentException.class, () -> new Command.SetDeliveryPolicy(LinkId.ORDER_KITCHEN,
                DeliveryPolicy.DEFAULTS.withAckTimeoutMs(1e300)));
    }
}
