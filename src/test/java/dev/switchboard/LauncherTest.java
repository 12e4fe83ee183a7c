package dev.switchboard;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    @Test
    void anyFirstWordThatIsNotAWindowOptionGoesToTheCommandLineEvenAMistypedOne() {
        assertTrue(Launcher.isCommandLine(new String[] {"run", "flow.json"}));
        assertTrue(Launcher.isCommandLine(new String[] {"runn", "flow.json"}));
        assertTrue(Launcher.isCommandLine(new String[] {"bogus"}));
        assertTrue(Launcher.isCommandLine(new String[] {"-h"}));
        assertTrue(Launcher.isCommandLine(new String[] {"--help"}));
    }

    @Test
    void noArgumentsOrTheWindowsOptionsOpenTheWindow() {
        assertFalse(Launcher.isCommandLine(new String[] {}));
        assertFalse(Launcher.isCommandLine(new String[] {"--flow", "all-sync.json", "--autoplay"}));
        assertFalse(Launcher.isCommandLine(new String[] {"--dark"}));
    }

    @Test
    void withoutADisplayTheWindowModeSaysSoInOneLine() {
        String problem = Launcher.noDisplay(Map.of(), "Linux", null);
        assertEquals("no display to open the window on (DISPLAY is not set); run a flow without a window with"
                + " \"switchboard run FLOW.json\", or start the window under xvfb-run", problem);
        assertFalse(problem.contains("\n"));
        assertEquals(problem, Launcher.noDisplay(Map.of("DISPLAY", " "), "Linux", null));
    }

    @Test
    void aDisplayAWaylandSessionMonocleOrAnotherSystemLetsTheWindowOpen() {
        assertNull(Launcher.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertNull(Launcher.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertNull(Launcher.noDisplay(Map.of(), "Linux", "Monocle"));
        assertNull(Launcher.noDisplay(Map.of(), "Windows 11", null));
        assertNull(Launcher.noDisplay(Map.of(), "Mac OS X", null));
    }
}
