package dev.switchboard.ui;

import dev.switchboard.ui.diagram.DiagramView;
import javafx.css.PseudoClass;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Presenter mode's part of the main window: while it is on, the controls panel and the narration and
 * orders panes step aside so the diagram fills the window (one key brings them back), the diagram's
 * text is large, a caption bar under it says what just happened in the narration's words, and the
 * screen can be blanked to black. {@link #cover(Stage, boolean)} makes the window cover the screen.
 */
public final class PresenterView {
    private static final PseudoClass REPLAY = PseudoClass.getPseudoClass("replay");

    private final MainViewModel vm;
    private final SplitPane mainSplit;
    private final SplitPane upperSplit;
    private final Node lowerPane;
    private final Node controlPanel;
    private final Region captionBar;
    private final DiagramView diagram;
    private final CaptionViewModel caption;
    private final Region blank = new Region();
    private boolean panelsShown = true;
    private Node alongside;
    private double[] upperDividers;
    private double[] mainDividers;
    private Rectangle2D windowedBounds;

    PresenterView(MainViewModel vm, SplitPane mainSplit, SplitPane upperSplit, Node controlPanel, Region captionBar,
                  Label captionLabel, DiagramView diagram) {
        this.vm = vm;
        this.mainSplit = mainSplit;
        this.upperSplit = upperSplit;
        this.lowerPane = mainSplit.getItems().get(1);
        this.controlPanel = controlPanel;
        this.captionBar = captionBar;
        this.diagram = diagram;
        this.caption = new CaptionViewModel(vm.narration().lines());
        captionLabel.textProperty().bind(caption.captionProperty());
        caption.replayingProperty().addListener((obs, was, now) -> captionLabel.pseudoClassStateChanged(REPLAY, now));
        blank.setId("blankScreen");
        blank.getStyleClass().add("blank-screen");
        blank.setVisible(false);
        blank.setManaged(true);
        vm.presenterModeProperty().addListener((obs, was, on) -> apply(on));
        apply(vm.presenterModeProperty().get());
    }

    private void apply(boolean on) {
        captionBar.setVisible(on);
        captionBar.setManaged(on);
        diagram.largeTextProperty().set(on);
        setPanelsShown(!on);
        if (!on) {
            unblank();
        }
    }

    /** Shows or hides the controls panel and the narration and orders panes. */
    public void setPanelsShown(boolean shown) {
        if (shown == panelsShown) {
            return;
        }
        panelsShown = shown;
        if (alongside != null) {
            alongside.setVisible(shown);
            alongside.setManaged(shown);
        }
        if (shown) {
            if (!upperSplit.getItems().contains(controlPanel)) {
                upperSplit.getItems().add(controlPanel);
            }
            if (!mainSplit.getItems().contains(lowerPane)) {
                mainSplit.getItems().add(lowerPane);
            }
            if (upperDividers != null) {
                upperSplit.setDividerPositions(upperDividers);
                mainSplit.setDividerPositions(mainDividers);
            }
        } else {
            upperDividers = upperSplit.getDividerPositions();
            mainDividers = mainSplit.getDividerPositions();
            upperSplit.getItems().remove(controlPanel);
            mainSplit.getItems().remove(lowerPane);
        }
    }

    /**
     * A bar that goes aside with the panels (the timeline): the room sees the diagram at its largest,
     * and the clicker's Page Up still steps back.
     */
    void alsoHideWithPanels(Node bar) {
        alongside = bar;
        bar.setVisible(panelsShown);
        bar.setManaged(panelsShown);
    }

    public boolean panelsShown() {
        return panelsShown;
    }

    public void togglePanels() {
        setPanelsShown(!panelsShown);
    }

    /** The black region over the whole window that {@link #blank()} shows. */
    Region blankOverlay() {
        return blank;
    }

    /** Blanks the screen to black, as a clicker's "b" does; any key brings the picture back. */
    public void blank() {
        blank.setVisible(true);
    }

    public void unblank() {
        blank.setVisible(false);
    }

    public boolean isBlank() {
        return blank.isVisible();
    }

    public CaptionViewModel caption() {
        return caption;
    }

    /**
     * Makes the window cover its screen, or gives it back its old place and size. Full screen where the
     * platform has it; the stage is also sized to the screen's bounds first, because without a window
     * manager (Xvfb, a kiosk) a full-screen request can do nothing. Esc is left to the window's own
     * shortcut (leave presenter mode) rather than the platform's full-screen exit.
     */
    void cover(Stage stage, boolean on) {
        if (on) {
            if (!stage.isFullScreen()) {
                windowedBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            Rectangle2D screen = screenOf(stage).getBounds();
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (windowedBounds != null && Double.isNaN(windowedBounds.getMinX())) {
                // Started in presenter mode: the window never had a place of its own.
                Rectangle2D screen = screenOf(stage).getVisualBounds();
                stage.setWidth(Math.min(MainWindow.PREFERRED_WIDTH, screen.getWidth()));
                stage.setHeight(Math.min(MainWindow.PREFERRED_HEIGHT, screen.getHeight()));
                stage.centerOnScreen();
            } else if (windowedBounds != null && windowedBounds.getWidth() > 0) {
                stage.setX(windowedBounds.getMinX());
                stage.setY(windowedBounds.getMinY());
                stage.setWidth(windowedBounds.getWidth());
                stage.setHeight(windowedBounds.getHeight());
            }
        }
    }

    private static Screen screenOf(Stage stage) {
        if (Double.isNaN(stage.getX()) || Double.isNaN(stage.getWidth()) || stage.getWidth() <= 0) {
            return Screen.getPrimary();
        }
        var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }
}
