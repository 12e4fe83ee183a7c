package dev.switchboard.ui.diagram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagram's stylesheet written again at a zoom: sizes multiplied, colours and the legend left alone. */
class DiagramZoomTest {

    @Test
    void everyNumberOfASizeIsMultipliedButNotColoursOrNegativeOffsets() {
        assertEquals("12.00 16.00 12.00 16.00", DiagramZoom.scaleNumbers("6 8 6 8", 2));
        assertEquals("26.00px", DiagramZoom.scaleNumbers("13px", 2));
        assertEquals("0.00, 3.00", DiagramZoom.scaleNumbers("0, 1.5", 2));
    }

    @Test
    void theDiagramsSizesGrowWithTheZoomWhileItsColoursAndTheLegendStayAsTheyAre() {
        String css = DiagramZoom.stylesheet(2, false);
        assertTrue(css.contains(".diagram .node-title { -fx-font-size: 26.00px;"), "titles at twice 13 px");
        assertFalse(css.contains("-sb-") || css.contains("-fx-text-fill") || css.contains("-fx-background-color:"),
                "only sizes: colours stay with the scene's diagram.css and its themes");
        assertFalse(css.contains("legend"), "the legend is not zoomed");
        assertTrue(css.contains(".diagram { -fx-font-size: 24.00px; }"), "text without a size of its own follows");
        assertFalse(css.contains("/*"), "comments dropped");
    }

    @Test
    void aBreakerBadgesTextShrinksAndGrowsWithItsWidth() {
        // The badge's width is the diagram's BREAKER_BADGE_WIDTH times the zoom; its text must follow, or at
        // 1024 × 768 "breaker closed" is cut to "breake…" and in presenter mode it stays 10 px.
        String css = DiagramZoom.stylesheet(0.5, false);
        assertTrue(css.contains(".diagram .breaker-badge { -fx-font-size: 5.00px; -fx-padding: 0.50 1.00 0.50 1.00; }"),
                "the badge's 10 px at half size");
        assertTrue(css.contains(".diagram .breaker-badge:open { -fx-font-size: 5.50px; }"), "an open breaker's 11 px");
        assertFalse(css.matches("(?s).*\\.breaker-badge[^{]*\\{[^}]*-fx-font-size: 1[01]px.*"),
                "no badge rule left at its unzoomed size");
    }

    @Test
    void presenterModesLargerTextComesAfterTheOrdinaryRulesSoItWins() {
        String css = DiagramZoom.stylesheet(1, true);
        int ordinary = css.indexOf(".diagram .node-title { -fx-font-size: 13.00px;");
        int presenter = css.lastIndexOf(".diagram .node-title { -fx-font-size: 23.00px;");
        assertTrue(ordinary >= 0 && presenter > ordinary, "presenter title after the ordinary one");
    }

    @Test
    void belowAReadableSizeTheDiagramDropsDetailAndZoomMovesInSteps() {
        assertTrue(DiagramZoom.lowDetail(0.6), "11 px × 0.6 = 6.6 px body text");
        assertFalse(DiagramZoom.lowDetail(0.8));
        // The window at its own size (1400 × 900, under GTK) shows the diagram at zoom 0.70: its worker
        // labels ("#4 cooking"), inbound counts and the customer's tallies must stay (7.7 px, as before).
        assertFalse(DiagramZoom.lowDetail(0.70), "the default window keeps its worker labels");
        assertTrue(DiagramZoom.lowDetail(0.62), "a 1024 × 768 window with the panels open drops them");
        assertEquals(0.62, DiagramZoom.quantize(0.6234), 1e-9);
        assertEquals(0.05, DiagramZoom.quantize(0.001), 1e-9);
    }
}
