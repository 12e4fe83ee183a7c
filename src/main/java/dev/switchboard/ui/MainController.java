package dev.switchboard.ui;

import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.trace.Narrator;
import dev.switchboard.trace.TraceEvent;
import dev.switchboard.ui.diagram.DiagramState;
import dev.switchboard.ui.diagram.DiagramView;
import dev.switchboard.ui.diagram.Legend;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The view of the main window ({@code Main.fxml}): it wires the toolbar, the narration log, the
 * orders list and the diagram to the {@link MainViewModel}, installs the keyboard shortcuts and
 * runs the {@link PlaybackDriver}. It holds no state of the run itself.
 */
public final class MainController {
    private static final PseudoClass LATEST = PseudoClass.getPseudoClass(StyleClasses.LATEST);
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass(StyleClasses.PLAYING);
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass(StyleClasses.PROBLEM);

    private final MainViewModel vm;
    private final DiagramState diagramState = new DiagramState();
    private DiagramView diagramView;
    private PlaybackDriver driver;
    private boolean showingSample;
    private boolean syncingSelection;

    @FXML private BorderPane root;
    @FXML private ChoiceBox<SampleFlow> flowChoice;
    @FXML private Button openFlowButton;
    @FXML private Button playButton;
    @FXML private Button stepButton;
    @FXML private Button resetButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private Label clockLabel;
    @FXML private Button placeOrderButton;
    @FXML private Button burstButton;
    @FXML private Slider arrivalRateSlider;
    @FXML private Label arrivalRateLabel;
    @FXML private VBox diagramHost;
    @FXML private ListView<NarrationLine> narrationList;
    @FXML private Label narrationSummaryLabel;
    @FXML private TableView<OrderRow> ordersTable;
    @FXML private TableColumn<OrderRow, String> orderIdColumn;
    @FXML private TableColumn<OrderRow, String> orderStatusColumn;
    @FXML private Label orderDetailLabel;
    @FXML private ListView<String> orderHistoryList;
    @FXML private Label statusLabel;
    @FXML private Label eventCountLabel;
    @FXML private Menu samplesMenu;
    @FXML private MenuItem openFileMenuItem;
    @FXML private MenuItem quitMenuItem;
    @FXML private MenuItem playMenuItem;
    @FXML private MenuItem stepMenuItem;
    @FXML private MenuItem resetMenuItem;
    @FXML private MenuItem placeOrderMenuItem;
    @FXML private MenuItem burstMenuItem;
    @FXML private CheckMenuItem presenterModeMenuItem;
    @FXML private CheckMenuItem darkThemeMenuItem;
    @FXML private MenuItem whyMenuItem;
    private dev.switchboard.ui.why.WhyWindow whyWindow;

    public MainController(MainViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        PlaybackViewModel playback = vm.playback();
        playback.addListener(RunListener.of(diagramState, diagramState::clear));
        diagramView = new DiagramView(diagramState);
        diagramView.setId("diagramView");
        Legend legend = new Legend();
        legend.setId("legend");
        VBox.setVgrow(diagramView, Priority.ALWAYS);
        diagramHost.getChildren().addAll(diagramView, legend);

        initToolbar(playback);
        initNarration(playback);
        initOrders(playback);
        statusLabel.textProperty().bind(playback.statusTextProperty());
        playback.statusIsProblemProperty().addListener((obs, was, problem) ->
                statusLabel.pseudoClassStateChanged(PROBLEM, problem));
        eventCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d engine %s run", playback.executedEvents(),
                        playback.executedEvents() == 1 ? "event" : "events"),
                playback.nowMsProperty(), vm.narration().totalLinesProperty()));

        driver = new PlaybackDriver(playback, diagramView::render);
        driver.start();
    }

    private void initToolbar(PlaybackViewModel playback) {
        flowChoice.setItems(vm.samples());
        flowChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SampleFlow sample) {
                return sample == null ? "" : sample.displayName();
            }

            @Override
            public SampleFlow fromString(String text) {
                return vm.samples().stream().filter(s -> s.displayName().equals(text)).findFirst().orElse(null);
            }
        });
        flowChoice.valueProperty().addListener((obs, old, sample) -> {
            if (!showingSample && sample != null) {
                openSample(sample, old);
            }
        });
        vm.flowSourceProperty().addListener((obs, old, source) -> showSample(vm.currentSample().orElse(null)));
        showSample(vm.currentSample().orElse(null));
        for (SampleFlow sample : vm.samples()) {
            MenuItem item = new MenuItem(sample.displayName());
            item.setId("sampleMenuItem-" + sample.fileName().replace(".json", ""));
            // Through the choice box, so both show the same flow and a failure is handled once.
            item.setOnAction(e -> flowChoice.setValue(sample));
            samplesMenu.getItems().add(item);
        }
        openFlowButton.setOnAction(e -> chooseFlowFile());
        openFileMenuItem.setOnAction(e -> chooseFlowFile());
        quitMenuItem.setOnAction(e -> Platform.exit());
        presenterModeMenuItem.selectedProperty().bindBidirectional(vm.presenterModeProperty());
        darkThemeMenuItem.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        whyMenuItem.setOnAction(e -> openWhyWindow());
        String whyTab = System.getProperty("switchboard.why");
        if (whyTab != null) {
            // for screenshots: -Dswitchboard.why=sequence|waterfall|charts opens the why-window at that tab
            Platform.runLater(() -> openWhyWindow().controller().selectTab(whyTab));
        }

        playButton.textProperty().bind(Bindings.when(playback.playingProperty()).then("Pause").otherwise("Play"));
        playback.playingProperty().addListener((obs, was, now) -> playButton.pseudoClassStateChanged(PLAYING, now));
        playButton.disableProperty().bind(playback.finishedProperty());
        stepButton.disableProperty().bind(playback.finishedProperty());
        playButton.setOnAction(e -> playback.togglePlay());
        stepButton.setOnAction(e -> step());
        resetButton.setOnAction(e -> playback.reset());
        placeOrderButton.setOnAction(e -> playback.placeOrder());
        burstButton.setOnAction(e -> playback.placeBurst());
        burstButton.setText("Burst ×" + PlaybackViewModel.BURST_SIZE);
        playMenuItem.setOnAction(e -> playback.togglePlay());
        stepMenuItem.setOnAction(e -> step());
        resetMenuItem.setOnAction(e -> playback.reset());
        placeOrderMenuItem.setOnAction(e -> playback.placeOrder());
        burstMenuItem.setOnAction(e -> playback.placeBurst());

        speedSlider.setMin(0);
        speedSlider.setMax(1);
        speedSlider.setValue(SpeedScale.positionOf(playback.getSpeed()));
        speedSlider.valueProperty().addListener((obs, old, position) ->
                playback.setSpeed(SpeedScale.speedAt(position.doubleValue())));
        playback.speedProperty().addListener((obs, old, speed) -> {
            double position = SpeedScale.positionOf(speed.doubleValue());
            if (Math.abs(speedSlider.getValue() - position) > 1e-9) {
                speedSlider.setValue(position);
            }
        });
        speedLabel.textProperty().bind(Bindings.createStringBinding(
                () -> SpeedScale.label(playback.getSpeed()), playback.speedProperty()));
        clockLabel.textProperty().bind(playback.clockTextProperty());

        LiveSlider arrivals = new LiveSlider(arrivalRateSlider, arrivalRateLabel, MainController::rate,
                value -> playback.setArrivalRate(ControlPanelController.round(value, 0.1)));
        playback.arrivalRatePerSecondProperty().addListener((obs, old, rate) -> arrivals.show(rate));
    }

    private void initNarration(PlaybackViewModel playback) {
        NarrationViewModel narration = vm.narration();
        narrationList.setItems(narration.lines());
        narrationList.setCellFactory(list -> new NarrationCell(list, narration));
        narrationSummaryLabel.textProperty().bind(narration.summaryProperty());
        playback.playingProperty().addListener((obs, was, now) -> narrationList.refresh());
        narration.latestBatchStartProperty().addListener((obs, old, start) -> {
            if (!playback.isPlaying()) {
                // Re-mark which lines are the latest; while playing none is, and a refresh per pulse costs.
                narrationList.refresh();
            }
            int last = narrationList.getItems().size() - 1;
            if (last >= 0 && playback.isPlaying()) {
                narrationList.scrollTo(last);
            }
        });
        narrationList.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line == null) {
                return;
            }
            diagramView.highlight(line.event());
            OptionalLong order = EventOrders.orderOf(line.event());
            if (order.isPresent()) {
                vm.orders().selectedOrderProperty().set(order.getAsLong());
            }
        });
    }

    private void initOrders(PlaybackViewModel playback) {
        OrdersViewModel orders = vm.orders();
        ordersTable.setItems(orders.rows());
        orderIdColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper("#" + cell.getValue().getOrderId()));
        orderStatusColumn.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().getStatus().label(), cell.getValue().statusProperty()));
        Label noOrders = new Label("No orders yet. Press O to place one.");
        noOrders.setWrapText(true);
        ordersTable.setPlaceholder(noOrders);
        ordersTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!syncingSelection && row != null) {
                orders.selectedOrderProperty().set(row.getOrderId());
            }
        });
        orders.selectedOrderProperty().addListener((obs, old, id) -> {
            syncingSelection = true;
            try {
                if (id == null) {
                    ordersTable.getSelectionModel().clearSelection();
                } else {
                    orders.row(id).ifPresent(row -> {
                        ordersTable.getSelectionModel().select(row);
                        ordersTable.scrollTo(row);
                    });
                }
                if (!java.util.Objects.equals(diagramView.selectedOrderProperty().get(), id)) {
                    diagramView.selectedOrderProperty().set(id);
                }
            } finally {
                syncingSelection = false;
            }
            showHistory();
        });
        diagramView.selectedOrderProperty().addListener((obs, old, id) -> {
            if (!java.util.Objects.equals(orders.selectedOrderProperty().get(), id)) {
                orders.selectedOrderProperty().set(id);
            }
        });
        playback.nowMsProperty().addListener((obs, old, now) -> showHistory());
        showHistory();
    }

    private void showHistory() {
        Long id = vm.orders().selectedOrderProperty().get();
        if (id == null) {
            orderDetailLabel.setText("Select an order to see its history.");
            orderHistoryList.getItems().clear();
            return;
        }
        List<TraceEvent.OrderStatusChanged> history = diagramState.historyOf(id);
        orderDetailLabel.setText("Order #" + id + " — " + vm.orders().row(id)
                .map(row -> row.getStatus().label()).orElse("no longer listed"));
        List<String> lines = history.stream()
                .map(change -> Narrator.seconds(change.timeMs()) + "  "
                        + (change.from() == null ? "" : change.from().label() + " → ") + change.to().label() + (change.reason() == null || change.reason().isBlank()
                        ? "" : " — " + change.reason()))
                .toList();
        if (!lines.equals(orderHistoryList.getItems())) {
            orderHistoryList.getItems().setAll(lines);
        }
    }

    /** Steps one event and shows its narration line selected, so the diagram highlights it. */
    public void step() {
        if (vm.playback().step()) {
            int last = narrationList.getItems().size() - 1;
            if (last >= 0) {
                narrationList.getSelectionModel().clearAndSelect(last);
                narrationList.scrollTo(last);
            }
        }
    }

    /**
     * Space (play/pause), Right (step), R (reset), O (one order) and B (burst) act anywhere in the
     * window, except while typing in a text field; Right moves a focused slider instead.
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focus = scene.getFocusOwner();
            KeyCode code = event.getCode();
            if (focus instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()
                    || (focus instanceof Slider && code == KeyCode.RIGHT)) {
                // Typing, menu accelerators and a focused slider's own arrow keys keep their meaning.
                return;
            }
            PlaybackViewModel playback = vm.playback();
            switch (code) {
                case SPACE -> {
                    if (!playback.isFinished()) {
                        playback.togglePlay();
                    }
                }
                case RIGHT -> step();
                case R -> playback.reset();
                case O -> playback.placeOrder();
                case B -> playback.placeBurst();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    private void chooseFlowFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a flow");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Flow files (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openFlowFile(file.toPath());
        }
    }

    /**
     * Opens a flow file; an invalid one shows the loader's message in an error dialog and leaves
     * the current flow and its run exactly as they were. Returns whether the flow was opened.
     */
    public boolean openFlowFile(Path file) {
        try {
            vm.openFile(file);
            return true;
        } catch (FlowException invalid) {
            showFlowError(invalid);
            return false;
        }
    }

    private void openSample(SampleFlow sample, SampleFlow previous) {
        try {
            vm.openSample(sample.fileName());
        } catch (FlowException invalid) {
            showFlowError(invalid);
            showSample(previous);
        }
    }

    private void showSample(SampleFlow sample) {
        showingSample = true;
        try {
            flowChoice.setValue(sample);
        } finally {
            showingSample = false;
        }
    }

    private void showFlowError(FlowException invalid) {
        vm.playback().showProblem("Could not open the flow: " + invalid.getMessage());
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Switchboard");
        alert.setHeaderText("This flow cannot be opened; the current flow stays as it was.");
        alert.setContentText(invalid.getMessage());
        alert.getDialogPane().setId("flowErrorDialog");
        alert.getDialogPane().setMinWidth(520);
        Window owner = window();
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The diagram's own state, for tests that check what the diagram knows. */
    public DiagramState diagramState() {
        return diagramState;
    }

    public DiagramView diagramView() {
        return diagramView;
    }

    /** The animation pulses per second so far, which the smoke test logs. */
    public double pulsesPerSecond() {
        return driver.pulsesPerSecond();
    }

    /** Stops the animation pulse when the window closes. */
    public void dispose() {
        driver.stop();
        if (whyWindow != null) {
            whyWindow.controller().dispose();
            whyWindow.stage().close();
        }
    }

    /** Shows the why-window (sequence diagram, waterfall, charts), opening it the first time. */
    public dev.switchboard.ui.why.WhyWindow openWhyWindow() {
        if (whyWindow == null) {
            whyWindow = dev.switchboard.ui.why.WhyWindow.open(vm.why(), root.getScene().getWindow());
        } else {
            whyWindow.show();
        }
        return whyWindow;
    }

    static String rate(double perSecond) {
        return perSecond < 0.05 ? "off" : String.format(Locale.ROOT, "%.1f /s", perSecond);
    }

    /** A narration line, wrapped to the list's width and highlighted while it belongs to the latest step. */
    private static final class NarrationCell extends ListCell<NarrationLine> {
        /** Room for the vertical scroll bar, so a wrapped line never needs a horizontal one. */
        private static final double SCROLL_BAR_ALLOWANCE_PX = 24;
        private final NarrationViewModel narration;

        NarrationCell(ListView<NarrationLine> list, NarrationViewModel narration) {
            this.narration = narration;
            getStyleClass().add(StyleClasses.NARRATION_CELL);
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(SCROLL_BAR_ALLOWANCE_PX));
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(NarrationLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                pseudoClassStateChanged(LATEST, false);
            } else {
                setText(line.text());
                pseudoClassStateChanged(LATEST, narration.isLatest(line));
            }
        }
    }
}
