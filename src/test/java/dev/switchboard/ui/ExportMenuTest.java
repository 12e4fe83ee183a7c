package dev.switchboard.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flow → Export in the real window: the items, and what they write (with the file chooser answered by the test). */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.show(stage, LaunchOptions.interactive());
        window.viewModel().open(TestFlows.quietHybrid(), "test");
    }

    /** TestFX shares one stage between test classes: give back the minimum size the main window set on it. */
    @Stop
    void stop() {
        window.controller().dispose();
        stage.setMinWidth(0);
        stage.setMinHeight(0);
    }

    private static Menu exportMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "exportMenu".equals(i.getId())).map(Menu.class::cast).findFirst().orElseThrow();
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void theExportMenuWritesEachExportAndAPngOfTheDiagram(FxRobot robot, @TempDir Path dir) throws Exception {
        Menu menu = exportMenu(robot);
        ExportMenu exportMenu = (ExportMenu) menu.getProperties().get(ExportMenu.class);
        robot.interact(() -> {
            window.viewModel().playback().placeBurst();
            window.viewModel().playback().advanceBy(20_000);
        });
        for (ExportViewModel.Kind kind : ExportViewModel.Kind.values()) {
            Path file = dir.resolve(kind.suggestedName());
            exportMenu.setChooser((owner, title, name, pattern) -> file);
            String id = "export" + switch (kind) {
                case REPORT_JSON -> "ReportJson";
                case REPORT_CSV -> "ReportCsv";
                case OTLP -> "Otlp";
                case MERMAID -> "Mermaid";
                case PLANTUML -> "Plantuml";
            } + "MenuItem";
            robot.interact(() -> item(menu, id).fire());
            assertEquals(exportMenu.exports().text(kind), Files.readString(file), kind.name());
        }
        assertTrue(Files.readString(dir.resolve("sequence.mmd")).contains("order 10 "));
        Path png = dir.resolve("diagram.png");
        exportMenu.setChooser((owner, title, name, pattern) -> png);
        robot.interact(() -> item(menu, "exportDiagramPngMenuItem").fire());
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG ImageIO can read");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.getWidth() + "x" + image.getHeight());
        assertTrue(List.of(window.viewModel().playback().statusTextProperty().get()).get(0).startsWith("Wrote the diagram"));
    }
}
