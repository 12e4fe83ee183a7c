package dev.switchboard.ui;

import dev.switchboard.trace.TraceEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NarrationViewModelTest {

    @Test
    void linesAppearInOneBatchWhenTheClockHasAdvanced() {
        NarrationViewModel narration = new NarrationViewModel();
        narration.onEvent(new TraceEvent.OrderPlaced(1250, 3));
        assertEquals(0, narration.lines().size(), "nothing is shown before the advance ends");
        narration.advanced(1250);
        assertEquals(1, narration.lines().size());
        assertEquals("1.250 s  A customer placed order #3.", narration.lines().get(0).text());
    }

    @Test
    void theLatestBatchIsTheLastStepsLines() {
        NarrationViewModel narration = new NarrationViewModel();
        narration.onEvent(new TraceEvent.OrderPlaced(0, 1));
        narration.advanced(0);
        narration.onEvent(new TraceEvent.OrderPlaced(5, 2));
        narration.onEvent(new TraceEvent.OrderPlaced(5, 3));
        narration.advanced(5);
        assertFalse(narration.isLatest(narration.lines().get(0)));
        assertTrue(narration.isLatest(narration.lines().get(1)));
        assertTrue(narration.isLatest(narration.lines().get(2)));
    }

    @Test
    void aLongRunKeepsOnlyTheLastFiveThousandLines() {
        NarrationViewModel narration = new NarrationViewModel();
        for (int i = 1; i <= 12_000; i++) {
            narration.onEvent(new TraceEvent.OrderPlaced(i, i));
            if (i % 700 == 0) {
                narration.advanced(i);
            }
        }
        narration.advanced(12_000);
        assertEquals(NarrationViewModel.MAX_LINES, narration.lines().size());
        assertEquals(7_001, narration.lines().get(0).number());
        assertEquals(12_000, narration.lines().get(NarrationViewModel.MAX_LINES - 1).number());
        assertEquals("last 5,000 of 12,000", narration.summaryProperty().get());
    }

    @Test
    void oneHugeAdvanceIsCutToo() {
        NarrationViewModel narration = new NarrationViewModel();
        for (int i = 1; i <= 8_000; i++) {
            narration.onEvent(new TraceEvent.OrderPlaced(i, i));
        }
        narration.advanced(8_000);
        assertEquals(NarrationViewModel.MAX_LINES, narration.lines().size());
        assertEquals(3_001, narration.lines().get(0).number());
    }

    @Test
    void aResetForgetsTheOldRun() {
        NarrationViewModel narration = new NarrationViewModel();
        narration.onEvent(new TraceEvent.OrderPlaced(0, 1));
        narration.advanced(0);
        narration.runReset(null);
        assertEquals(0, narration.lines().size());
        assertEquals("0 events", narration.summaryProperty().get());
    }

    @Test
    void followingAnOrderShowsOnlyItsLinesAndHeartbeatsOnlyWhenAskedFor() {
        NarrationViewModel narration = new NarrationViewModel();
        narration.onEvent(new TraceEvent.OrderPlaced(0, 1));
        narration.onEvent(new TraceEvent.Heartbeat(0, dev.switchboard.model.ServiceId.INVENTORY, 0));
        narration.onEvent(new TraceEvent.OrderPlaced(1, 2));
        narration.onEvent(new TraceEvent.OrderStatusChanged(2, 1, dev.switchboard.model.OrderStatus.PLACED,
                dev.switchboard.model.OrderStatus.STOCK_CONFIRMED, "in stock"));
        narration.advanced(2);
        assertEquals(4, narration.lines().size(), "every line is kept");
        assertEquals(3, narration.shownLines().size(), "the heartbeat is hidden by default");

        narration.followedOrderProperty().set(1L);
        assertEquals(java.util.List.of(1L, 1L), narration.shownLines().stream()
                .map(line -> EventOrders.orderOf(line.event()).getAsLong()).toList());
        narration.onEvent(new TraceEvent.OrderPlaced(3, 3));
        narration.advanced(3);
        assertEquals(2, narration.shownLines().size(), "a new order's line stays hidden while #1 is followed");

        narration.followedOrderProperty().set(null);
        narration.showBackgroundProperty().set(true);
        assertEquals(5, narration.shownLines().size());
        narration.runReset(null);
        assertNull(narration.followedOrderProperty().get(), "a new run follows no order");
    }

    @Test
    void anEventsShownLineIsFoundByTheVeryEventAndNotWhileItsOrderIsFilteredOut() {
        NarrationViewModel narration = new NarrationViewModel();
        TraceEvent first = new TraceEvent.OrderPlaced(5, 1);
        TraceEvent second = new TraceEvent.OrderPlaced(5, 2);
        narration.onEvent(first);
        narration.onEvent(second);
        narration.advanced(5);

        assertEquals(1, narration.shownIndexOf(second));
        assertEquals(-1, narration.shownIndexOf(new TraceEvent.OrderPlaced(5, 2)), "an equal event is not that event");
        assertEquals(-1, narration.shownIndexOf(null));
        narration.followedOrderProperty().set(2L);
        assertEquals(0, narration.shownIndexOf(second));
        assertEquals(-1, narration.shownIndexOf(first));
    }
}
