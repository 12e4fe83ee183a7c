package dev.switchboard.ui;

import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The File → Export submenu: one item per export of {@link ExportViewModel} plus a PNG of the
 * diagram (a snapshot of the node), each asking for a file with a chooser and telling the outcome on
 * the status line. Items have the ids {@code export<Kind>MenuItem}, e.g. {@code exportOtlpMenuItem}.
 */
public final class ExportMenu {
    private final ExportViewModel exports;
    private final PlaybackViewModel playback;
    private final Supplier<Window> owner;
    private final Node diagram;
    /** Picks the file to write; replaceable so tests need no native dialog. */
    private Chooser chooser = ExportMenu::showChooser;

    /** Asks where to write: null when the user cancelled. */
    @FunctionalInterface
    public interface Chooser {
        Path choose(Window owner, String title, String suggestedName, String pattern);
    }

    /** The exports this menu writes. */
    public ExportViewModel exports() {
        return exports;
    }

    public ExportMenu(ExportViewModel exports, PlaybackViewModel playback, Supplier<Window> owner, Node diagram) {
        this.exports = exports;
        this.playback = playback;
        this.owner = owner;
        this.diagram = diagram;
    }

    public void setChooser(Chooser chooser) {
        this.chooser = chooser;
    }

    /** Fills {@code menu} with the export items; the menu keeps this object under the key {@code ExportMenu.class}. */
    public void install(Menu menu) {
        menu.getProperties().put(ExportMenu.class, this);
        for (ExportViewModel.Kind kind : ExportViewModel.Kind.values()) {
            MenuItem item = new MenuItem(kind.title() + "…");
            item.setId("export" + camel(kind.name()) + "MenuItem");
            item.setOnAction(e -> exportText(kind));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem png = new MenuItem("Diagram as PNG…");
        png.setId("exportDiagramPngMenuItem");
        png.setOnAction(e -> exportPng());
        menu.getItems().add(png);
    }

    void exportText(ExportViewModel.Kind kind) {
        Path file = chooser.choose(owner.get(), kind.title(), kind.suggestedName(), kind.pattern());
        if (file == null) {
            return;
        }
        try {
            exports.write(kind, file);
            playback.showStatus("Wrote " + kind.title().toLowerCase(Locale.ROOT) + " to " + file + ".");
        } catch (IOException | RuntimeException e) {
            playback.showProblem("Could not write " + file + ": " + reason(e));
        }
    }

    void exportPng() {
        Path file = chooser.choose(owner.get(), "Diagram as PNG", "diagram.png", "*.png");
        if (file == null) {
            return;
        }
        try {
            ImageIO.write(toBufferedImage(diagram.snapshot(null, null)), "png", file.toFile());
            playback.showStatus("Wrote the diagram to " + file + ".");
        } catch (IOException | RuntimeException e) {
            playback.showProblem("Could not write " + file + ": " + reason(e));
        }
    }

    /** JavaFX pixels to an AWT image, for ImageIO's PNG writer (javafx-swing is not a dependency). */
    static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            pixels.getPixels(0, y, width, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, width);
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** The native save dialog, with a filter for {@code pattern}; null when the user cancelled. */
    public static Path showChooser(Window owner, String title, String suggestedName, String pattern) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle("Export " + title);
        dialog.setInitialFileName(suggestedName);
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(title, pattern));
        File file = dialog.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String camel(String enumName) {
        StringBuilder b = new StringBuilder();
        for (String part : enumName.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
