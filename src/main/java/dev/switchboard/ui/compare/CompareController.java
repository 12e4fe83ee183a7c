package dev.switchboard.ui.compare;

import dev.switchboard.compare.CompareFigure;
import dev.switchboard.compare.FigureTable;
import dev.switchboard.compare.Preset;
import dev.switchboard.compare.Side;
import dev.switchboard.trace.Numbers;
import dev.switchboard.ui.SpeedScale;
import dev.switchboard.ui.diagram.DiagramView;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * The compare window's view: binds Compare.fxml's controls to a {@link CompareViewModel}, puts a
 * {@link DiagramView} with its customer gauge on each side, drives both from one animation pulse,
 * and handles the window's keys. It holds no state of the comparison.
 */
public final class CompareController {
    /** On a difference cell whose figures are not about the same. */
    public static final String DIFFERS = "compare-differs";
    /** On a difference cell where the right side came out better / worse. */
    public static final String BETTER = "compare-better";
    public static final String WORSE = "compare-worse";
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    private final CompareViewModel vm;
    private static final javafx.scene.control.Tooltip ABOUT_THE_SAME = new javafx.scene.control.Tooltip(
            "About the same: a difference this small is within what another seed could change");
    private final Map<Side, DiagramView> views = new EnumMap<>(Side.class);
    private AnimationTimer driver;
    private boolean syncing;

    @FXML private BorderPane compareRoot;
    @FXML private FlowPane compareToolbar;
    @FXML private ChoiceBox<Preset> comparePreset;
    @FXML private Button comparePlay;
    @FXML private Button compareStep;
    @FXML private Button compareBack;
    @FXML private Slider compareTimeline;
    private boolean followingClock;
    @FXML private Button compareRestart;
    @FXML private javafx.scene.control.ComboBox<dev.switchboard.compare.CompareBranch> compareBranchChoice;
    @FXML private Slider compareSpeed;
    @FXML private Label compareSpeedLabel;
    @FXML private Label compareClock;
    @FXML private Label comparePresenterClock;
    @FXML private Button comparePlaceOrder;
    @FXML private Button compareBurst;
    @FXML private TextField compareFollowOrder;
    @FXML private ToggleButton comparePresenter;
    @FXML private Label leftLabel;
    @FXML private Label rightLabel;
    @FXML private Label leftOrderStatus;
    @FXML private Label rightOrderStatus;
    @FXML private Label leftCaption;
    @FXML private Label rightCaption;
    @FXML private StackPane leftDiagramHost;
    @FXML private StackPane rightDiagramHost;
    @FXML private HBox comparePanels;
    @FXML private TableView<FigureTable.Row> compareTable;
    @FXML private javafx.scene.control.TabPane compareTabs;
    @FXML private javafx.scene.control.Tab orderTab;
    @FXML private javafx.scene.control.ScrollPane leftWaterfallHost;
    @FXML private javafx.scene.control.ScrollPane rightWaterfallHost;
    @FXML private Label compareDivergence;
    @FXML private javafx.scene.control.ListView<String> leftOrderHistory;
    @FXML private javafx.scene.control.ListView<String> rightOrderHistory;
    @FXML private TableColumn<FigureTable.Row, String> figureColumn;
    @FXML private TableColumn<FigureTable.Row, String> leftColumn;
    @FXML private TableColumn<FigureTable.Row, String> rightColumn;
    @FXML private TableColumn<FigureTable.Row, FigureTable.Row> differenceColumn;
    @FXML private VBox compareControls;
    @FXML private Slider slowdownSlider;
    @FXML private Label slowdownValue;
    @FXML private HBox slowdownTarget;
    @FXML private Slider latencySlider;
    @FXML private Label latencyValue;
    @FXML private HBox latencyTarget;
    @FXML private Slider workersSlider;
    @FXML private Label workersValue;
    @FXML private HBox workersTarget;
    @FXML private Label compareChange;
    @FXML private Button compareVerdictButton;
    @FXML private Label compareVerdict;

    private ToggleGroup slowdownTargets;
    private ToggleGroup latencyTargets;
    private ToggleGroup workersTargets;

    public CompareController(CompareViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        for (Side side : Side.values()) {
            DiagramView view = new DiagramView(vm.diagram(side));
            view.setId(side.key() + "DiagramView");
            view.setGauge(vm.gaugeProperty(side).get());
            vm.gaugeProperty(side).addListener((obs, old, gauge) -> view.setGauge(gauge));
            view.selectedOrderProperty().bindBidirectional(vm.selectedOrderProperty());
            view.largeTextProperty().bind(vm.presenterModeProperty());
            views.put(side, view);
        }
        leftDiagramHost.getChildren().add(views.get(Side.LEFT));
        rightDiagramHost.getChildren().add(views.get(Side.RIGHT));
        leftLabel.textProperty().bind(vm.labelProperty(Side.LEFT));
        rightLabel.textProperty().bind(vm.labelProperty(Side.RIGHT));
        leftOrderStatus.textProperty().bind(vm.orderStatusProperty(Side.LEFT));
        rightOrderStatus.textProperty().bind(vm.orderStatusProperty(Side.RIGHT));
        leftCaption.textProperty().bind(vm.captionProperty(Side.LEFT));
        rightCaption.textProperty().bind(vm.captionProperty(Side.RIGHT));

        initToolbar();
        initTable();
        initControls();

        compareVerdictButton.setOnAction(e -> vm.updateVerdict());
        compareVerdict.textProperty().bind(Bindings.createStringBinding(
                () -> vm.verdictProperty().get().isEmpty()
                        ? "The verdict is worded when the run ends, or now with the button."
                        : vm.verdictProperty().get(), vm.verdictProperty()));
        compareChange.textProperty().bind(vm.statusProperty());
        vm.statusIsProblemProperty().addListener((obs, was, problem) -> compareChange.pseudoClassStateChanged(PROBLEM, problem));
        vm.presenterModeProperty().addListener((obs, was, on) -> applyPresenter(on));

        driver = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (last >= 0) {
                    vm.onPulse((now - last) / 1e6);
                }
                last = now;
                render();
            }
        };
        driver.start();
    }

    private void initToolbar() {
        comparePreset.setItems(vm.presets());
        comparePreset.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preset preset) {
                return preset == null ? "" : preset.name();
            }

            @Override
            public Preset fromString(String text) {
                return vm.presets().stream().filter(p -> p.name().equals(text)).findFirst().orElse(null);
            }
        });
        comparePreset.valueProperty().bindBidirectional(vm.presetProperty());
        comparePlay.setOnAction(e -> vm.togglePlay());
        comparePlay.textProperty().bind(Bindings.when(vm.playingProperty()).then("Pause").otherwise("Play"));
        comparePlay.disableProperty().bind(vm.finishedProperty());
        vm.playingProperty().addListener((obs, was, on) -> comparePlay.pseudoClassStateChanged(PLAYING, on));
        compareStep.setOnAction(e -> vm.step());
        compareStep.disableProperty().bind(vm.finishedProperty());
        compareBack.setOnAction(e -> vm.stepBack());
        compareTimeline.maxProperty().bind(Bindings.max(1, vm.newestMsProperty()));
        vm.nowMsProperty().addListener((obs, old, now) -> {
            followingClock = true;
            try {
                compareTimeline.setValue(now.doubleValue());
            } finally {
                followingClock = false;
            }
        });
        compareTimeline.valueProperty().addListener((obs, old, value) -> {
            if (!followingClock && Math.abs(value.doubleValue() - vm.getNowMs()) > 1e-9) {
                vm.seekTo(value.doubleValue());
            }
        });
        compareRestart.setOnAction(e -> vm.restart());
        wireBranches();
        compareSpeed.setValue(SpeedScale.positionOf(vm.speedProperty().get()));
        compareSpeed.valueProperty().addListener((obs, old, p) -> vm.speedProperty().set(SpeedScale.speedAt(p.doubleValue())));
        compareSpeedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> SpeedScale.label(vm.speedProperty().get()), vm.speedProperty()));
        compareClock.textProperty().bind(Bindings.createStringBinding(
                () -> "t = " + Numbers.clock(vm.getNowMs()), vm.nowMsProperty()));
        comparePresenterClock.textProperty().bind(compareClock.textProperty());
        comparePlaceOrder.setOnAction(e -> vm.placeOrder());
        compareBurst.setOnAction(e -> vm.placeBurst());
        compareFollowOrder.setOnAction(e -> follow(compareFollowOrder.getText()));
        compareFollowOrder.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                follow(compareFollowOrder.getText());
            }
        });
        vm.selectedOrderProperty().addListener((obs, old, id) -> compareFollowOrder.setText(id == null ? "" : id.toString()));
        comparePresenter.selectedProperty().bindBidirectional(vm.presenterModeProperty());
    }

    private void follow(String text) {
        String t = text == null ? "" : text.strip().replace("#", "");
        if (t.isEmpty()) {
            vm.selectedOrderProperty().set(null);
            return;
        }
        try {
            vm.selectedOrderProperty().set(Long.parseLong(t));
        } catch (NumberFormatException e) {
            Long id = vm.selectedOrderProperty().get();
            compareFollowOrder.setText(id == null ? "" : id.toString());
        }
    }

    private void initTable() {
        compareTable.setItems(vm.figureRows());
        leftOrderHistory.setItems(vm.orderHistory(Side.LEFT));
        rightOrderHistory.setItems(vm.orderHistory(Side.RIGHT));
        compareDivergence.textProperty().bind(vm.divergenceProperty());
        for (Side side : Side.values()) {
            dev.switchboard.ui.why.WaterfallView waterfall =
                    new dev.switchboard.ui.why.WaterfallView(new SideWaterfall(vm, side));
            waterfall.setId(side.key() + "Waterfall");
            waterfall.setMinWidth(0);
            waterfall.setPrefWidth(1);   // as wide as its half of the tab, not the why-window's 900
            (side == Side.LEFT ? leftWaterfallHost : rightWaterfallHost).setContent(waterfall);
        }
        // following an order shows its two histories; the figures are one click away
        vm.selectedOrderProperty().addListener((obs, old, id) -> {
            if (id != null && old == null) {
                compareTabs.getSelectionModel().select(orderTab);
            }
        });
        compareTable.setPlaceholder(new Label("No figures yet"));
        figureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(figureName(c.getValue().figure())));
        leftColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format(c.getValue().figure(), c.getValue().left())));
        rightColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(format(c.getValue().figure(), c.getValue().right())));
        differenceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        differenceColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(FigureTable.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(DIFFERS, BETTER, WORSE);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(difference(row));
                setTooltip(!row.same() && row.aboutTheSame() ? ABOUT_THE_SAME : null);
                if (!row.aboutTheSame()) {
                    boolean rightBetter = row.figure().higherIsBetter() ? row.difference() > 0 : row.difference() < 0;
                    getStyleClass().addAll(DIFFERS, rightBetter ? BETTER : WORSE);
                }
            }
        });
        compareTable.setRowFactory(table -> {
            TableRow<FigureTable.Row> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> row.setId(item == null ? null : "compareRow-" + item.figure().key()));
            return row;
        });
    }

    private void initControls() {
        slowdownTargets = targets(slowdownTarget, "slowdownTarget");
        latencyTargets = targets(latencyTarget, "latencyTarget");
        workersTargets = targets(workersTarget, "workersTarget");
        commitOnRelease(slowdownSlider, v -> vm.setKitchenSlowdown(v, target(slowdownTargets)));
        commitOnRelease(latencySlider, v -> vm.setOrderKitchenLatency(v, target(latencyTargets)));
        commitOnRelease(workersSlider, v -> vm.setKitchenWorkers((int) Math.round(v), target(workersTargets)));
        show(slowdownSlider, vm.kitchenSlowdownProperty().get());
        show(latencySlider, vm.orderKitchenLatencyMsProperty().get());
        show(workersSlider, vm.kitchenWorkersProperty().get());
        vm.kitchenSlowdownProperty().addListener((obs, o, v) -> show(slowdownSlider, v.doubleValue()));
        vm.orderKitchenLatencyMsProperty().addListener((obs, o, v) -> show(latencySlider, v.doubleValue()));
        vm.kitchenWorkersProperty().addListener((obs, o, v) -> show(workersSlider, v.doubleValue()));
        slowdownValue.textProperty().bind(Bindings.createStringBinding(
                () -> Numbers.factor(slowdownSlider.getValue()), slowdownSlider.valueProperty()));
        latencyValue.textProperty().bind(Bindings.createStringBinding(
                () -> Numbers.ms(Math.round(latencySlider.getValue())), latencySlider.valueProperty()));
        workersValue.textProperty().bind(Bindings.createStringBinding(
                () -> Long.toString(Math.round(workersSlider.getValue())), workersSlider.valueProperty()));
    }

    /** The branch list: shows the current branch, and choosing another returns both sides to it. */
    private void wireBranches() {
        dev.switchboard.ui.BranchChoice.wire(compareBranchChoice, vm.branches(), vm.currentBranchProperty(),
                CompareController::facts, vm::selectBranch);
    }

    private static dev.switchboard.ui.BranchCell.Facts facts(dev.switchboard.compare.CompareBranch branch) {
        return new dev.switchboard.ui.BranchCell.Facts(branch.number(), branch.parent(), branch.forkedAtMs(), branch.difference());
    }

    /** Left / Right / Both toggles (Both selected), one always selected. */
    private static ToggleGroup targets(HBox box, String idPrefix) {
        ToggleGroup group = new ToggleGroup();
        for (CompareTarget target : CompareTarget.values()) {
            ToggleButton button = new ToggleButton(target.label());
            button.setId(idPrefix + "-" + target.name().toLowerCase(Locale.ROOT));
            button.setUserData(target);
            button.setToggleGroup(group);
            button.getStyleClass().add("compare-target-button");
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getChildren().add(button);
            if (target == CompareTarget.BOTH) {
                button.setSelected(true);
            }
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        return group;
    }

    private static CompareTarget target(ToggleGroup group) {
        return group.getSelectedToggle() == null ? CompareTarget.BOTH : (CompareTarget) group.getSelectedToggle().getUserData();
    }

    /** A slider sends one command when let go (or moved by a click or a key), as the main window's do. */
    private void commitOnRelease(Slider slider, DoubleConsumer commit) {
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing && !syncing) {
                commit.accept(slider.getValue());
            }
        });
        slider.valueProperty().addListener((obs, old, value) -> {
            if (!slider.isValueChanging() && !syncing) {
                commit.accept(value.doubleValue());
            }
        });
    }

    private void show(Slider slider, double value) {
        syncing = true;
        try {
            slider.setValue(value);
        } finally {
            syncing = false;
        }
    }

    private void applyPresenter(boolean on) {
        compareRoot.pseudoClassStateChanged(PRESENTER, on);
        setShown(comparePanels, !on);
        setShown(compareToolbar, !on);
        // the toolbar's clock steps aside with it; the verdict bar shows the time instead
        setShown(comparePresenterClock, on);
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private void render() {
        double now = vm.getNowMs();
        for (DiagramView view : views.values()) {
            view.render(now);
        }
    }

    /**
     * The window's keys (not while typing; a focused slider keeps its arrow keys): Space or {@code .}
     * plays and pauses, Page Down or Right steps both sides, O places an order on both, Shift+B a burst,
     * F5 enters presenter mode and Esc leaves it, 0 fits both diagrams.
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focus = scene.getFocusOwner();
            KeyCode code = event.getCode();
            // F5 and Esc are the presenter's keys wherever the focus is (a clicker cannot click a field away)
            if (code == KeyCode.F5 && !vm.presenterModeProperty().get()) {
                vm.presenterModeProperty().set(true);
                event.consume();
                return;
            }
            if (code == KeyCode.ESCAPE && vm.presenterModeProperty().get()) {
                vm.presenterModeProperty().set(false);
                compareRoot.requestFocus();
                event.consume();
                return;
            }
            if (focus instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()
                    || (focus instanceof Slider && (code == KeyCode.RIGHT || code == KeyCode.LEFT
                    || code == KeyCode.HOME || code == KeyCode.END))) {
                if (code == KeyCode.ESCAPE && focus instanceof TextInputControl) {
                    compareRoot.requestFocus();
                }
                return;
            }
            switch (code) {
                case SPACE, PERIOD -> vm.togglePlay();
                case PAGE_DOWN, RIGHT -> vm.step();
                case PAGE_UP, LEFT -> vm.stepBack();
                case HOME -> vm.seekTo(0);
                case END -> vm.seekTo(vm.newestMsProperty().get());
                case O -> vm.placeOrder();
                case B -> {
                    if (!event.isShiftDown()) {
                        return;
                    }
                    vm.placeBurst();
                }
                case F5 -> vm.presenterModeProperty().set(true);
                case ESCAPE -> {
                    if (!vm.presenterModeProperty().get()) {
                        return;
                    }
                    vm.presenterModeProperty().set(false);
                }
                case DIGIT0, NUMPAD0 -> views.values().forEach(DiagramView::fit);
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    /** A figure's name with its unit, as the table shows it. */
    static String figureName(CompareFigure figure) {
        return figure.label();
    }

    /** A value of a figure, in the unit its kind has. */
    static String format(CompareFigure figure, double value) {
        return switch (figure.kind()) {
            case TIME -> Numbers.duration(value);
            case COUNT -> Long.toString(Math.round(value));
            case RATE -> Numbers.perSecond(value);
        };
    }

    /** Right minus left with its sign, and "≈ same" where one seed cannot tell them apart (the cell's tooltip says so in full). */
    static String difference(FigureTable.Row row) {
        double d = row.difference();
        if (row.same()) {
            return "same";
        }
        String sign = d > 0 ? "+" : "−";
        String text = sign + format(row.figure(), Math.abs(d));
        return row.aboutTheSame() ? text + " (≈ same)" : text;
    }

    /** Stops the animation pulse (the window is closing). */
    public void dispose() {
        driver.stop();
    }

    public DiagramView diagramView(Side side) {
        return views.get(side);
    }

    public CompareViewModel viewModel() {
        return vm;
    }
}
