package dev.switchboard.compare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareVerdictTest {

    /** A table with every figure at 100 on both sides but the given ones. */
    private static FigureTable table(Map<CompareFigure, double[]> changed) {
        List<FigureTable.Row> rows = new ArrayList<>();
        for (CompareFigure figure : CompareFigure.values()) {
            double[] values = changed.getOrDefault(figure, new double[] {100, 100});
            rows.add(new FigureTable.Row(figure, values[0], values[1]));
        }
        return new FigureTable(rows);
    }

    @Test
    void equalSidesAreCalledTheSameAndNoWinnerIsInvented() {
        String verdict = Verdict.of(table(Map.of()), "sync", "queue");
        assertEquals("Both sides came out the same: every figure is identical, so the difference between queue and sync"
                + " changed nothing that these figures show.", verdict);
    }

    @Test
    void differencesWithinNoiseAreCalledAboutTheSame() {
        FigureTable table = table(Map.of(CompareFigure.ACCEPT_P50_MS, new double[] {100, 104},
                CompareFigure.FAILED, new double[] {3, 4}, CompareFigure.THROUGHPUT_PER_S, new double[] {2.0, 2.05}));
        assertFalse(table.identical());
        assertTrue(table.rows().stream().allMatch(FigureTable.Row::aboutTheSame));
        assertTrue(Verdict.of(table, "a", "b").startsWith("Both sides about the same: no figure differs by more than 5%"));
    }

    @Test
    void theRightIsToldAgainstTheLeftMostTellingFirstAtMostThree() {
        FigureTable table = table(Map.of(CompareFigure.ACCEPT_P50_MS, new double[] {2400, 120},
                CompareFigure.ORDER_BLOCKED_MOST, new double[] {4, 0},
                CompareFigure.ORDER_BLOCKED_MS, new double[] {90_000, 0},
                CompareFigure.FAILED, new double[] {0, 1},
                CompareFigure.LOST, new double[] {0, 7},
                CompareFigure.THROUGHPUT_PER_S, new double[] {1.5, 2.5}));
        assertEquals("With queue (right) instead of sync (left): customers were told in 120 ms instead of 2.4 s"
                + " (p50 acceptance); no Order worker was blocked at the worst moment instead of 4; 7 orders were lost"
                + " instead of none (and 1 more difference in the table).", Verdict.of(table, "sync", "queue"));
    }

    @Test
    void blockedTimeIsToldWhenTheWorstMomentIsAboutTheSame() {
        FigureTable table = table(Map.of(CompareFigure.ORDER_BLOCKED_MOST, new double[] {4, 3},
                CompareFigure.ORDER_BLOCKED_MS, new double[] {120_000, 8_000}));
        assertEquals("With b (right) instead of a (left): Order workers spent 8.0 s blocked in all instead of 2 min.",
                Verdict.of(table, "a", "b"));
    }

    @Test
    void oneOrderIsSingular() {
        FigureTable table = table(Map.of(CompareFigure.REJECTED, new double[] {10, 1}));
        assertEquals("With b (right) instead of a (left): 1 order was rejected instead of 10.", Verdict.of(table, "a", "b"));
    }
}
