package dev.switchboard.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaunchOptionsTest {

    @Test
    void noArgumentsOpenTheDefaultFlowPaused() {
        LaunchOptions options = LaunchOptions.parse(List.of(), new Properties());
        assertNull(options.flow());
        assertFalse(options.autoplay());
        assertNull(options.screenshot());
        assertTrue(options.controlsAfterFirstFrame(), "a launched window shows before its controls panel joins");
        assertFalse(LaunchOptions.interactive().controlsAfterFirstFrame(), "a test's window has the panel at once");
    }

    @Test
    void theSmokeTestOptionsAreRead() {
        LaunchOptions options = LaunchOptions.parse(
                List.of("--autoplay", "--screenshot", "out/shot.png", "--exit-after", "5s"), new Properties());
        assertTrue(options.autoplay());
        assertEquals(Path.of("out/shot.png"), options.screenshot());
        assertEquals(5000, options.exitAfterMs());
    }

    @Test
    void systemPropertiesWorkWhenArgumentsCannotBePassed() {
        Properties properties = new Properties();
        properties.setProperty("switchboard.autoplay", "true");
        properties.setProperty("switchboard.screenshot", "shot.png");
        properties.setProperty("switchboard.exitAfter", "1500ms");
        properties.setProperty("switchboard.flow", "all-sync.json");
        properties.setProperty("switchboard.dark", "true");
        LaunchOptions options = LaunchOptions.parse(List.of("--presenter"), properties);
        assertTrue(options.dark());
        assertTrue(options.presenter());
        assertTrue(options.autoplay());
        assertEquals(1500, options.exitAfterMs());
        assertEquals("all-sync.json", options.flow());
    }

    @Test
    void aScreenshotWithoutAnExitTimeIsRefused() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--screenshot", "a.png"), new Properties()));
        assertEquals("--screenshot needs --exit-after, e.g. --exit-after 5s", error.getMessage());
    }

    @Test
    void badDurationsAndUnknownOptionsSayWhatIsExpected() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.durationMs("soon"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.durationMs("-3s"));
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--fast"), new Properties()));
        assertTrue(unknown.getMessage().startsWith("Unknown option --fast"));
        assertEquals(5000, LaunchOptions.durationMs("5"));
    }
}
