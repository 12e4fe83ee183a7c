package dev.switchboard.ui;

import dev.switchboard.sim.Distribution;
import dev.switchboard.model.LinkId;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launched window shows before its controls panel joins the scene (a fifth of a start is styling and
 * laying out the panel's sliders); the panel, built and listening all along, joins a pulse after the
 * first frame and works like any other.
 */
@ExtendWith(ApplicationExtension.class)
class ControlsAfterFirstFrameTest {
    private MainWindow window;
    private boolean panelInSceneWhenShown;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, LaunchOptions.interactive().withControlsAfterFirstFrame(true));
        panelInSceneWhenShown = window.scene().lookup("#resetControlsButton") != null;
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    @Test
    void thePanelJoinsAfterTheFirstFrameAndWorks(FxRobot robot) throws Exception {
        assertFalse(panelInSceneWhenShown, "the window is shown without the panel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.scene().lookup("#resetControlsButton") != null);
        Node panel = robot.lookup("#controlPanelRoot").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.isVisible() && panel.getLayoutBounds().getWidth() > 200,
                "the panel is laid out in its place: " + panel.getLayoutBounds());
        assertNotNull(panel.getScene());
        // it was built and bound while out of the scene: it shows the flow's value and moves the engine's
        assertEquals("20 ms", robot.lookup("#latencyValue-order-inventory").queryAs(Label.class).getText());
        assertEquals("Order → Inventory (sync)", robot.lookup("#orderInventoryPane").queryAs(javafx.scene.control.TitledPane.class).getText());
        assertTrue(robot.lookup("#styleButton-order-kitchen-queue").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the style switch shows the flow's queue link");
        robot.drag("#latencySlider-order-inventory .thumb", MouseButton.PRIMARY).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Distribution latency = window.viewModel().controls().linkProperty(LinkId.ORDER_INVENTORY).get().latencyMs();
        assertTrue(((Distribution.Fixed) latency).valueMs() > 100, "the slider moved the engine's latency: " + latency);
    }
}
