package dev.switchboard.ui.why;

import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.ScriptedRun;
import dev.switchboard.trace.Narrator;
import dev.switchboard.ui.LaunchOptions;
import dev.switchboard.ui.MainWindow;
import dev.switchboard.ui.NarrationLine;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The why-window opened from the real main window's View menu, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class WhyWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().open(ScriptedRun.flow(0), "scripted");
    }

    @Stop
    void stop() {
        window.controller().dispose();
    }

    private WhyWindow openFromMenu(FxRobot robot) {
        MenuBar menuBar = robot.lookup("#menuBar").query();
        MenuItem item = menuBar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "whyMenuItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Window why = Window.getWindows().stream().filter(w -> w instanceof Stage s && WhyWindow.TITLE.equals(s.getTitle()))
                .findFirst().orElseThrow();
        assertTrue(why.isShowing());
        WhyWindow[] opened = new WhyWindow[1];
        robot.interact(() -> opened[0] = window.controller().openWhyWindow());
        assertEquals(why, opened[0].stage(), "the menu opened the same window the controller keeps");
        return opened[0];
    }

    @Test
    void theViewMenuOpensTheWhyWindowWithItsThreeTabs(FxRobot robot) {
        WhyWindow why = openFromMenu(robot);
        TabPane tabs = robot.from(why.stage().getScene().getRoot()).lookup("#whyTabs").query();
        assertEquals(List.of("sequenceTab", "waterfallTab", "chartsTab"),
                tabs.getTabs().stream().map(Tab::getId).collect(Collectors.toList()));
        for (String id : List.of("#sequenceView", "#sequenceCanvas", "#sequenceFollow", "#sequenceOrderFilter",
                "#sequenceZoomIn", "#sequenceZoomOut", "#sequenceNarration")) {
            assertNotNull(robot.from(why.stage().getScene().getRoot()).lookup(id).tryQuery().orElse(null), id);
        }
    }

    /** Places an order, plays 30 ms, zooms in and clicks the middle of the first request arrow. */
    private Arrow clickTheFirstRequest(FxRobot robot, WhyWindow why) {
        robot.interact(() -> {
            window.viewModel().playback().placeOrder();
            window.viewModel().playback().advanceBy(30);
        });
        SequenceView view = why.controller().sequenceView();
        robot.interact(() -> view.msPerPxProperty().set(0.1));
        WaitForAsyncUtils.waitForFxEvents();
        Arrow request = view.visibleArrows().stream().filter(a -> a.kind() == Arrow.Kind.REQUEST).findFirst()
                .orElseThrow();
        clickOn(robot, why, request);
        return request;
    }

    private static void clickOn(FxRobot robot, WhyWindow why, Arrow arrow) {
        SequenceView view = why.controller().sequenceView();
        // the middle of the arrow, in screen coordinates
        Canvas canvas = robot.from(why.stage().getScene().getRoot()).lookup("#sequenceCanvas").query();
        double x = (view.laneX(arrow.from()) + view.laneX(arrow.to())) / 2;
        double y = (view.y(arrow.startMs()) + view.y(arrow.endMs())) / 2;
        Point2D onScreen = canvas.localToScreen(x, y);
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAnArrowShowsItsNarrationAndSelectsItsOrderInTheMainWindow(FxRobot robot) {
        WhyWindow why = openFromMenu(robot);
        Arrow request = clickTheFirstRequest(robot, why);

        assertEquals(request, window.viewModel().why().selectedArrowProperty().get());
        Label narration = robot.from(why.stage().getScene().getRoot()).lookup("#sequenceNarration").query();
        assertEquals(Narrator.seconds(request.startMs()) + ": " + new Narrator().narrate(request.event()),
                narration.getText());
        assertEquals(request.orderId(), window.viewModel().orders().selectedOrderProperty().get());
    }

    @Test
    void theSummaryTableFillsAsTheRunPlaysAndEmptiesOnReset(FxRobot robot) {
        WhyWindow why = openFromMenu(robot);
        robot.interact(() -> {
            window.viewModel().playback().placeOrder();
            window.viewModel().playback().advanceBy(5_000);
            window.viewModel().why().refreshCharts();
        });
        TableView<?> table = robot.from(why.stage().getScene().getRoot()).lookup("#summaryTable").query();
        assertFalse(table.getItems().isEmpty());
        robot.interact(() -> window.viewModel().playback().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.viewModel().why().sequence().arrows().isEmpty());
    }

    @Test
    void clickingAnArrowSelectsTheNarrationLineOfItsEventInTheMainWindow(FxRobot robot) {
        WhyWindow why = openFromMenu(robot);
        Arrow request = clickTheFirstRequest(robot, why);

        ListView<NarrationLine> narration = robot.lookup("#narrationList").queryListView();
        NarrationLine line = narration.getSelectionModel().getSelectedItem();
        assertNotNull(line, "a narration line is selected");
        assertSame(request.event(), line.event());
        assertEquals(new Narrator().narrate(request.event()), line.sentence());

        // another line picked in the main window, then the same arrow again: its line is selected again
        robot.interact(() -> narration.getSelectionModel().clearAndSelect(0));
        clickOn(robot, why, request);
        assertSame(request.event(), narration.getSelectionModel().getSelectedItem().event());
    }

    @Test
    void eachViewIsSavedAsAPngOfItsPicture(FxRobot robot, @TempDir Path dir) throws Exception {
        WhyWindow why = openFromMenu(robot);
        robot.interact(() -> {
            window.viewModel().playback().placeOrder();
            window.viewModel().playback().placeOrder();
            window.viewModel().playback().advanceBy(5_000);
            window.viewModel().why().refreshCharts();
        });
        Node root = why.stage().getScene().getRoot();
        for (WhyController.Picture picture : WhyController.Picture.values()) {
            Path file = dir.resolve(picture.suggestedName());
            why.controller().setChooser((owner, title, name, pattern) -> {
                assertEquals(picture.suggestedName(), name);
                assertEquals("*.png", pattern);
                return file;
            });
            String tab = picture.name().toLowerCase(Locale.ROOT);
            robot.interact(() -> why.controller().selectTab(tab));
            robot.clickOn(robot.from(root).lookup("#" + tab + "ExportPng").queryButton());
            WaitForAsyncUtils.waitForFxEvents();

            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, picture + " is a PNG");
            assertTrue(image.getWidth() > 300 && image.getHeight() > 150,
                    picture + " is " + image.getWidth() + " × " + image.getHeight());
            assertTrue(Files.size(file) > 2_000, picture + " has " + Files.size(file) + " bytes");
            assertTrue(colours(image) > 10, picture + " has " + colours(image) + " colours");
            Label status = robot.from(root).lookup("#whyStatusLabel").query();
            assertTrue(status.getText().startsWith("Wrote ") && status.getText().contains(file.toString()),
                    status.getText());
        }
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void withTheDarkThemeOnTheSequenceCanvasIsPaintedDark(FxRobot robot) {
        WhyWindow why = openFromMenu(robot);
        robot.interact(() -> {
            window.viewModel().playback().placeOrder();
            window.viewModel().playback().advanceBy(30);
        });
        Canvas canvas = robot.from(why.stage().getScene().getRoot()).lookup("#sequenceCanvas").query();
        // left of the first lifeline and below the header: background only
        int x = (int) SequenceView.TIME_AXIS_PX + 4;
        int y = (int) SequenceView.HEADER_PX + 40;
        assertTrue(brightness(robot, canvas, x, y) > 0.9, "light before");

        robot.interact(() -> window.viewModel().darkThemeProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(brightness(robot, canvas, x, y) < 0.2, "dark after: " + brightness(robot, canvas, x, y));
        Label narration = robot.from(why.stage().getScene().getRoot()).lookup("#sequenceNarration").query();
        // the theme's sheets reach the why-window through its scene: restyle it before reading a colour
        robot.interact(() -> why.stage().getScene().getRoot().applyCss());
        assertTrue(((Color) narration.getTextFill()).getBrightness() > 0.8, "the window's text is light too: "
                + narration.getTextFill());
        robot.interact(() -> window.viewModel().darkThemeProperty().set(false));
    }

    private static double brightness(FxRobot robot, Canvas canvas, int x, int y) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = canvas.snapshot(null, null));
        return image[0].getPixelReader().getColor(x, y).getBrightness();
    }
}
