package dev.switchboard.ui;

import dev.switchboard.ui.diagram.DiagramView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * Presenter mode's part of the main window: while it is on, the controls panel and the narration and
 * orders panes step aside so the diagram fills the window (one key brings them back), the diagram's
 * text is large, a caption bar under it says what just happened in the narration's words, and the
 * screen can be blanked to black. {@link #cover(Stage, boolean)} makes the window cover the screen.
 */
public final class PresenterView {

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
    private final ScreenCover screenCover = new ScreenCover(MainWindow.PREFERRED_WIDTH, MainWindow.PREFERRED_HEIGHT);

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

    /** Makes the window cover its screen, or gives it back its old place and size ({@link ScreenCover}). */
    void cover(Stage stage, boolean on) {
        screenCover.cover(stage, on);
    }
}
