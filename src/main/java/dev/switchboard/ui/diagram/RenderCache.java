package dev.switchboard.ui.diagram;

import javafx.scene.CacheHint;
import javafx.scene.Node;

/**
 * Turns on bitmap caching for the diagram's nodes. Under the software renderer, repainting a region
 * that a token canvas made dirty means rasterizing every rounded box and label beneath it again —
 * and text under a scale transform is drawn glyph by glyph as paths, the costliest part of a frame.
 * A cached node is copied instead, and only a node that changed is rasterized anew.
 */
final class RenderCache {

    private RenderCache() {
    }

    static void cache(Node... nodes) {
        for (Node node : nodes) {
            node.setCache(true);
            node.setCacheHint(CacheHint.SPEED);
        }
    }
}
