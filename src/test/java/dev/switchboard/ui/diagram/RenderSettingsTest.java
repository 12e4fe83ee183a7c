package dev.switchboard.ui.diagram;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The renderer settings the window and the frame bench set before the toolkit starts. */
class RenderSettingsTest {

    @Test
    void regionCachingIsTurnedOffWhenNobodySaidOtherwise() {
        Properties p = new Properties();
        RenderSettings.apply(p);
        assertEquals("true", p.getProperty("prism.disableRegionCaching"));
    }

    @Test
    void aValueGivenOnTheCommandLineIsKept() {
        Properties p = new Properties();
        p.setProperty("prism.disableRegionCaching", "false");
        RenderSettings.apply(p);
        assertEquals("false", p.getProperty("prism.disableRegionCaching"));
    }
}
