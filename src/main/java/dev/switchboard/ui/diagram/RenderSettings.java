package dev.switchboard.ui.diagram;

import java.util.Properties;

/**
 * The renderer settings the diagram needs, set before the JavaFX toolkit starts (the window's and
 * the frame bench's {@code main}). Region caching is turned off: the diagram's boxes draw their edge
 * as a second background fill, and JavaFX caches every region with more than one fill as a bitmap
 * that it then stretches in nine slices on every repaint. Under the software renderer that stretch
 * ({@code PiscesRenderer.drawImage}) was the largest cost of a frame once the boxes are laid out at
 * presenter size; two solid fills drawn directly are plain rectangle fills. A value given on the
 * command line ({@code -Dprism.disableRegionCaching=false}) wins.
 */
public final class RenderSettings {

    /** Prism's switch for the background cache of multi-fill regions. */
    static final String DISABLE_REGION_CACHING = "prism.disableRegionCaching";

    private RenderSettings() {
    }

    /** Applies the settings to the system properties; call before {@code Application.launch}. */
    public static void beforeToolkit() {
        apply(System.getProperties());
    }

    static void apply(Properties properties) {
        if (properties.getProperty(DISABLE_REGION_CACHING) == null) {
            properties.setProperty(DISABLE_REGION_CACHING, "true");
        }
    }
}
