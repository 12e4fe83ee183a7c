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
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.layout.HBox;
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
    private final BooleanProperty legendShown = new SimpleBooleanProperty(this, "legendShown", true);
    private final DiagramState diagramState = new DiagramState();
    /** What customers feel, drawn on the diagram; a fold of the same trace (it clears itself on RunStarted). */
    private final dev.switchboard.trace.CustomerGauge gauge = new dev.switchboard.trace.CustomerGauge();
    private DiagramView diagramView;
    private PlaybackDriver driver;
    private boolean showingSample;
    /** The chooser's entries: the samples, then the file opened last (so the chooser never goes blank). */
    private final javafx.collections.ObservableList<SampleFlow> flowChoices =
            javafx.collections.FXCollections.observableArrayList();
    private SampleFlow openedFile;
    private boolean syncingSelection;
    /** Set while a step selects its newest line: that selection highlights, it does not pick another order. */
    private boolean selectingStepLine;
    /** Whether the narration scrolls to new lines like a terminal; off once the user scrolls up. */
    private final javafx.beans.property.BooleanProperty followNewestLine =
            new javafx.beans.property.SimpleBooleanProperty(this, "followNewestLine", true);

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
    @FXML private HBox timelineBar;
    @FXML private javafx.scene.layout.StackPane timelineTrack;
    @FXML private Slider timelineSlider;
    @FXML private Button timelineStartButton;
    @FXML private Button stepBackButton;
    @FXML private Button timelineNewestButton;
    @FXML private Label timelineLabel;
    @FXML private javafx.scene.control.ComboBox<dev.switchboard.run.Branch> branchChoice;
    private TimelineView timeline;
    @FXML private ListView<NarrationLine> narrationList;
    @FXML private javafx.scene.control.ToggleButton followOrderToggle;
    @FXML private Button stepOrderButton;
    @FXML private javafx.scene.control.ToggleButton showBackgroundToggle;
    @FXML private Button newestLineButton;
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
    @FXML private MenuItem saveRunMenuItem;
    @FXML private MenuItem openRunMenuItem;
    @FXML private Menu exportMenu;
    @FXML private MenuItem quitMenuItem;
    @FXML private MenuItem playMenuItem;
    @FXML private MenuItem stepMenuItem;
    @FXML private MenuItem stepBackMenuItem;
    @FXML private MenuItem startMenuItem;
    @FXML private MenuItem newestMenuItem;
    @FXML private MenuItem resetMenuItem;
    @FXML private MenuItem placeOrderMenuItem;
    @FXML private MenuItem burstMenuItem;
    @FXML private MenuItem sweepMenuItem;
    @FXML private CheckMenuItem presenterModeMenuItem;
    @FXML private CheckMenuItem darkThemeMenuItem;
    @FXML private MenuItem fitDiagramMenuItem;
    @FXML private CheckMenuItem legendMenuItem;
    @FXML private javafx.scene.control.SplitPane mainSplit;
    @FXML private javafx.scene.control.SplitPane upperSplit;
    @FXML private javafx.scene.layout.StackPane controlPanelHost;
    @FXML private VBox captionBar;
    @FXML private Label captionLabel;
    @FXML private Label beatsLabel;
    private PresenterView presenter;
    private BeatsView beats;
    @FXML private MenuItem whyMenuItem;
    private dev.switchboard.ui.why.WhyWindow whyWindow;
    @FXML private MenuItem compareMenuItem;
    private dev.switchboard.ui.compare.CompareWindow compareWindow;

    public MainController(MainViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        PlaybackViewModel playback = vm.playback();
        playback.addListener(RunListener.of(diagramState, diagramState::clear));
        diagramView = new DiagramView(diagramState);
        diagramView.setId("diagramView");
        playback.addListener(RunListener.of(gauge, () -> { }));
        diagramView.setGauge(gauge);
        Legend legend = new Legend();
        legend.setId("legend");
        legend.visibleProperty().bind(legendShown);
        legend.managedProperty().bind(legendShown);
        legendMenuItem.selectedProperty().bindBidirectional(legendShown);
        VBox.setVgrow(diagramView, Priority.ALWAYS);
        diagramHost.getChildren().addAll(0, List.of(diagramView, legend));
        timeline = new TimelineView(playback, timelineBar, timelineTrack, timelineSlider, timelineStartButton,
                stepBackButton, timelineNewestButton, timelineLabel, branchChoice);
        ExportViewModel exports = new ExportViewModel(playback);
        new ExportMenu(exports, playback, () -> root.getScene().getWindow(), diagramHost).install(exportMenu);

        presenter = new PresenterView(vm, mainSplit, upperSplit, controlPanelHost, captionBar, captionLabel, diagramView);
        presenter.alsoHideWithPanels(timelineBar);
        beats = new BeatsView(vm, beatsLabel);
        fitDiagramMenuItem.setOnAction(e -> diagramView.fit());
        initToolbar(playback);
        initNarration(playback);
        initOrders(playback);
        // an arrow clicked in the why-window selects its event's narration line, whose listener highlights the diagram
        vm.why().selectedEventProperty().addListener((obs, old, event) -> {
            int at = vm.narration().shownIndexOf(event);
            if (at >= 0) {
                followNewestLine.set(false);
                narrationList.getSelectionModel().clearAndSelect(at);
                narrationList.scrollTo(at);
            }
        });
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
        flowChoices.setAll(vm.samples());
        flowChoice.setItems(flowChoices);
        flowChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SampleFlow sample) {
                return sample == null ? "" : sample.displayName();
            }

            @Override
            public SampleFlow fromString(String text) {
                return flowChoices.stream().filter(s -> s.displayName().equals(text)).findFirst().orElse(null);
            }
        });
        flowChoice.valueProperty().addListener((obs, old, sample) -> {
            if (!showingSample && sample != null) {
                openSample(sample, old);
            }
        });
        vm.flowSourceProperty().addListener((obs, old, source) -> showCurrentFlow());
        showCurrentFlow();
        for (SampleFlow sample : vm.samples()) {
            MenuItem item = new MenuItem(sample.displayName());
            item.setId("sampleMenuItem-" + sample.fileName().replace(".json", ""));
            // Through the choice box, so both show the same flow and a failure is handled once.
            item.setOnAction(e -> flowChoice.setValue(sample));
            samplesMenu.getItems().add(item);
        }
        openFlowButton.setOnAction(e -> chooseFlowFile());
        openFileMenuItem.setOnAction(e -> chooseFlowFile());
        saveRunMenuItem.setOnAction(e -> chooseRunToSave());
        openRunMenuItem.setOnAction(e -> chooseRunFile());
        quitMenuItem.setOnAction(e -> Platform.exit());
        presenterModeMenuItem.selectedProperty().bindBidirectional(vm.presenterModeProperty());
        darkThemeMenuItem.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        whyMenuItem.setOnAction(e -> openWhyWindow());
        compareMenuItem.setOnAction(e -> openCompareWindow());
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
        resetButton.setOnAction(e -> confirmReset());
        placeOrderButton.setOnAction(e -> playback.placeOrder());
        burstButton.setOnAction(e -> playback.placeBurst());
        burstButton.setText("Burst ×" + PlaybackViewModel.BURST_SIZE);
        playMenuItem.setOnAction(e -> playback.togglePlay());
        stepMenuItem.setOnAction(e -> step());
        stepBackMenuItem.setOnAction(e -> stepBack());
        startMenuItem.setOnAction(e -> playback.jumpToStart());
        newestMenuItem.setOnAction(e -> playback.jumpToNewest());
        resetMenuItem.setOnAction(e -> confirmReset());
        placeOrderMenuItem.setOnAction(e -> playback.placeOrder());
        burstMenuItem.setOnAction(e -> playback.placeBurst());
        sweepMenuItem.setOnAction(e -> SweepDialog.open(window(), vm));

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
        // the clock says when it shows the past, also in presenter mode where the timeline is aside
        playback.inPastProperty().addListener((obs, was, past) -> clockLabel.pseudoClassStateChanged(TimelineView.PAST, past));

        LiveSlider arrivals = new LiveSlider(arrivalRateSlider, arrivalRateLabel,
                rate -> arrivalsText(rate, playback.getFlow()),
                value -> playback.setArrivalRate(ControlPanelController.round(value, 0.1)));
        playback.arrivalRatePerSecondProperty().addListener((obs, old, rate) -> arrivals.show(rate));
        // The flow's own arrivals run beside the slider's: say what they are, so "off" never hides 50 orders.
        javafx.scene.control.Tooltip arrivalsTip = new javafx.scene.control.Tooltip();
        arrivalRateSlider.setTooltip(arrivalsTip);
        arrivalRateLabel.setTooltip(arrivalsTip);
        Runnable showFlowArrivals = () -> {
            arrivals.show(playback.arrivalRatePerSecondProperty().get());
            arrivalsTip.setText(arrivalsTooltip(playback.getFlow()));
        };
        playback.flowProperty().addListener((obs, old, flow) -> showFlowArrivals.run());
        showFlowArrivals.run();
    }

    private void initNarration(PlaybackViewModel playback) {
        NarrationViewModel narration = vm.narration();
        narrationList.setItems(narration.shownLines());
        narrationList.setCellFactory(list -> new NarrationCell(list, narration));
        orderHistoryList.setCellFactory(WrappedLineCell::new);
        narrationSummaryLabel.textProperty().bind(narration.summaryProperty());
        playback.playingProperty().addListener((obs, was, now) -> narrationList.refresh());
        narration.latestBatchStartProperty().addListener((obs, old, start) -> {
            if (!playback.isPlaying()) {
                // Re-mark which lines are the latest; while playing none is, and a refresh per pulse costs.
                narrationList.refresh();
            }
            if (followNewestLine.get()) {
                scrollToNewestLine();
            }
        });
        narrationList.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line == null) {
                return;
            }
            diagramView.highlight(line.event());
            OptionalLong order = EventOrders.orderOf(line.event());
            // A click picks the line's order; a step only picks one while none is selected, so it stays pinned.
            boolean pick = !selectingStepLine || vm.orders().selectedOrderProperty().get() == null;
            if (order.isPresent() && pick && narration.followedOrderProperty().get() == null) {
                vm.orders().selectedOrderProperty().set(order.getAsLong());
            }
        });

        // Following one order: its lines only, pinned while stepping; a new selection is followed in turn.
        followOrderToggle.disableProperty().bind(vm.orders().selectedOrderProperty().isNull());
        followOrderToggle.selectedProperty().addListener((obs, was, on) -> narration.followedOrderProperty()
                .set(on ? vm.orders().selectedOrderProperty().get() : null));
        vm.orders().selectedOrderProperty().addListener((obs, old, id) -> {
            if (id == null) {
                followOrderToggle.setSelected(false);
            } else if (followOrderToggle.isSelected()) {
                narration.followedOrderProperty().set(id);
            }
        });
        narration.followedOrderProperty().addListener((obs, old, id) -> {
            followOrderToggle.setSelected(id != null);
            followOrderToggle.setText(id == null ? "Follow order" : "Following #" + id);
            scrollToNewestLine();
        });
        stepOrderButton.disableProperty().bind(vm.orders().selectedOrderProperty().isNull()
                .or(playback.finishedProperty()));
        stepOrderButton.setOnAction(e -> stepFollowedOrder());
        showBackgroundToggle.selectedProperty().bindBidirectional(narration.showBackgroundProperty());

        // Like a terminal: new lines scroll into view unless the user scrolled up to read.
        newestLineButton.visibleProperty().bind(followNewestLine.not());
        newestLineButton.managedProperty().bind(newestLineButton.visibleProperty());
        newestLineButton.setOnAction(e -> {
            followNewestLine.set(true);
            scrollToNewestLine();
        });
        narrationList.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> recheckNewestLineLater());
        narrationList.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> recheckNewestLineLater());
        narrationList.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, e -> recheckNewestLineLater());
        narrationList.addEventHandler(KeyEvent.KEY_RELEASED, e -> recheckNewestLineLater());
    }

    private void recheckNewestLineLater() {
        Platform.runLater(() -> followNewestLine.set(newestLineVisible()));
    }

    /** Whether the list's last line is on screen (true for an empty or not yet laid out list). */
    private boolean newestLineVisible() {
        int size = narrationList.getItems().size();
        if (size == 0) {
            return true;
        }
        if (narrationList.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
            return last == null || last.getIndex() >= size - 1;
        }
        return true;
    }

    private void scrollToNewestLine() {
        int last = narrationList.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        // ListView.scrollTo puts the line at the top, from estimated heights of wrapped lines, and can stop a
        // line or two short of the end; the flow's own scrollTo brings the last line's bottom into view.
        // (The list's scrollTo first: its layout pass tells the flow how many lines there are now.)
        narrationList.scrollTo(last);
        if (narrationList.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            narrationList.layout();
            if (last < flow.getCellCount()) {
                flow.scrollTo(last);
            }
        }
    }

    /** Whether the narration follows new lines (false after the user scrolled up; the Newest button sets it again). */
    public javafx.beans.property.ReadOnlyBooleanProperty followNewestLineProperty() {
        return followNewestLine;
    }

    /** Room beside the orders table's columns for its vertical scroll bar and border. */
    private static final double ORDERS_TABLE_ALLOWANCE_PX = 22;

    private void fitStatusColumn(javafx.scene.text.Font font, double insetsPx) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        double widest = 0;
        for (dev.switchboard.model.OrderStatus status : dev.switchboard.model.OrderStatus.values()) {
            probe.setText(status.label());
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double need = Math.ceil(widest + insetsPx + 4);
        if (Math.abs(orderStatusColumn.getMinWidth() - need) > 0.5) {
            orderStatusColumn.setMinWidth(need);
            orderStatusColumn.setPrefWidth(Math.max(need, orderStatusColumn.getPrefWidth()));
        }
    }

    private void initOrders(PlaybackViewModel playback) {
        OrdersViewModel orders = vm.orders();
        ordersTable.setItems(orders.rows());
        orderIdColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper("#" + cell.getValue().getOrderId()));
        orderStatusColumn.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> cell.getValue().getStatus().label(), cell.getValue().statusProperty()));
        // Stable ids for tests and tools: #orderRow-7 is order #7's row, #orderStatus-7 its status cell.
        ordersTable.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(OrderRow row, boolean empty) {
                super.updateItem(row, empty);
                setId(empty || row == null ? null : orderRowId(row.getOrderId()));
            }
        });
        orderStatusColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            {
                // The column is as wide as the longest status in the cells' font, which presenter mode enlarges.
                fontProperty().addListener((obs, old, font) -> fitStatusColumn(font, snappedLeftInset() + snappedRightInset()));
            }

            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty ? null : status);
                OrderRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setId(row == null ? null : orderStatusId(row.getOrderId()));
            }
        });
        // The orders pane never gets narrower than its two columns and a scroll bar.
        ((javafx.scene.layout.Region) ordersTable.getParent()).minWidthProperty().bind(orderIdColumn.widthProperty()
                .add(orderStatusColumn.minWidthProperty()).add(ORDERS_TABLE_ALLOWANCE_PX));
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
                .map(row -> row.getStatus().label())
                .orElse(history.isEmpty() && vm.playback().isInPast() ? "not placed yet at this moment" : "no longer listed"));
        List<String> lines = history.stream()
                .map(change -> Narrator.seconds(change.timeMs()) + "  "
                        + (change.from() == null ? "" : change.from().label() + " → ") + change.to().label() + (change.reason() == null || change.reason().isBlank()
                        ? "" : " — " + change.reason()))
                .toList();
        if (!lines.equals(orderHistoryList.getItems())) {
            orderHistoryList.getItems().setAll(lines);
        }
    }

    /** Steps one event and shows its narration line selected, so the diagram highlights it; the selected order stays. */
    public void step() {
        if (vm.playback().step()) {
            selectNewestLine();
        }
    }

    /** Goes back one step and selects the line of the step now shown last. */
    public void stepBack() {
        if (vm.playback().stepBack()) {
            selectNewestLine();
        }
    }

    /**
     * "Step this order": runs up to the next event of the selected (or followed) order and selects its
     * line; the order stays selected. Says so in the status bar when no order is selected.
     */
    public void stepFollowedOrder() {
        Long id = vm.narration().followedOrderProperty().get();
        if (id == null) {
            id = vm.orders().selectedOrderProperty().get();
        }
        if (id == null) {
            vm.playback().showStatus("Select an order first (in the orders list, on the diagram or in the narration).");
            return;
        }
        if (vm.playback().stepOrder(id)) {
            // one engine event can narrate more than one line (a worker finishes #2, then is idle): select #2's
            long order = id;
            List<NarrationLine> lines = narrationList.getItems();
            int last = lines.size() - 1;
            while (last >= 0 && EventOrders.orderOf(lines.get(last).event()).orElse(-1) != order) {
                last--;
            }
            selectLine(last);
        }
    }

    private void selectNewestLine() {
        selectLine(narrationList.getItems().size() - 1);
    }

    private void selectLine(int last) {
        if (last >= 0) {
            selectingStepLine = true;
            try {
                narrationList.getSelectionModel().clearAndSelect(last);
            } finally {
                selectingStepLine = false;
            }
            followNewestLine.set(true);
            scrollToNewestLine();
        }
    }

    /**
     * Resets the run: the flow starts again at t = 0 as a new branch, and the run so far stays in the
     * branch list under the diagram, so a reset is undone by choosing that branch (no question asked).
     * Returns true.
     */
    public boolean confirmReset() {
        vm.playback().reset();
        return true;
    }

    /**
     * The window's keys, anywhere except while typing in a text field (a focused slider keeps its
     * arrow keys). Space or {@code .} plays and pauses, Right steps and selects the step's narration
     * line, Left steps back one step, Home and End jump to the start and the newest moment, S steps the
     * selected order to its next event; the keys a presentation clicker sends: Page Down steps (the
     * narration selection stays), Page Up steps back, {@code b} blanks the screen (any key brings it back),
     * F5 enters presenter mode and Esc leaves it. O places an order; Shift+B a burst and Ctrl+R a
     * reset, off single letters a clicker or a slip could send. 1–9 apply the flow's beats, 0 fits the
     * diagram, C brings the panels back in presenter mode.
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focus = scene.getFocusOwner();
            KeyCode code = event.getCode();
            if (presenter.isBlank()) {
                // Any key brings the picture back, and does nothing else.
                presenter.unblank();
                event.consume();
                return;
            }
            PlaybackViewModel playback = vm.playback();
            if (event.isShortcutDown() && code == KeyCode.R) {
                confirmReset();
                event.consume();
                return;
            }
            if (focus instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()
                    || (focus instanceof Slider && (code == KeyCode.RIGHT || code == KeyCode.LEFT
                    || code == KeyCode.HOME || code == KeyCode.END))) {
                // Typing, menu accelerators and a focused slider's own arrow keys keep their meaning.
                return;
            }
            switch (code) {
                case SPACE, PERIOD -> {
                    if (!playback.isFinished()) {
                        playback.togglePlay();
                    }
                }
                case RIGHT -> step();
                case S -> stepFollowedOrder();
                case PAGE_DOWN -> playback.step();
                case LEFT -> stepBack();
                case PAGE_UP -> playback.stepBack();
                case HOME -> playback.jumpToStart();
                case END -> playback.jumpToNewest();
                case O -> playback.placeOrder();
                case K -> openCompareWindow();
                case B -> {
                    if (event.isShiftDown()) {
                        playback.placeBurst();
                    } else {
                        presenter.blank();
                    }
                }
                case F5 -> vm.presenterModeProperty().set(true);
                case ESCAPE -> {
                    if (!vm.presenterModeProperty().get()) {
                        return;
                    }
                    vm.presenterModeProperty().set(false);
                }
                case C -> {
                    if (!vm.presenterModeProperty().get()) {
                        return;
                    }
                    presenter.togglePanels();
                }
                case DIGIT0, NUMPAD0 -> diagramView.fit();
                case L -> legendShown.set(!legendShown.get());
                default -> {
                    int beat = beatNumber(code);
                    if (beat < 1) {
                        return;
                    }
                    beats.apply(beat);
                }
            }
            event.consume();
        });
    }

    private static int beatNumber(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    /**
     * Loads the controls panel (ControlPanel.fxml: a few dozen sliders bound to the controls' view
     * model) into its place beside the diagram: now, or, with {@code afterFirstFrame}, once the window's
     * first frame is on the screen, so the window appears without first building, styling and laying out
     * the panel (a third of a start). The panel's place keeps its width meanwhile.
     */
    void loadControlPanel(boolean afterFirstFrame) {
        if (!afterFirstFrame) {
            controlPanelHost.getChildren().setAll(ControlPanelController.load(vm.controls()));
            return;
        }
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // pulse 1 renders the first frame after this one is handled; the panel is built on pulse 2
                if (++pulses >= 2) {
                    stop();
                    loadControlPanel(false);
                }
            }
        }.start();
    }

    /**
     * Whether the legend is shown under the diagram (View menu, L). At its readable size it wraps to
     * five rows in a 1024 px window, a sixth of the diagram's height, so a window opened narrower than
     * {@link MainWindow#LEGEND_MIN_WIDTH} starts without it.
     */
    public BooleanProperty legendShownProperty() {
        return legendShown;
    }

    /** Presenter mode's panels, caption bar and blank screen. */
    public PresenterView presenter() {
        return presenter;
    }

    private void chooseRunToSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save this run");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Switchboard runs (*.run.json)", "*.run.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        chooser.setInitialFileName("switchboard.run.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            saveRun(file.toPath());
        }
    }

    /** Saves the current branch as a run file; a file that cannot be written is said in the status bar. */
    public boolean saveRun(Path file) {
        try {
            vm.saveRun(file);
            return true;
        } catch (java.io.IOException | RuntimeException failed) {
            vm.playback().showProblem("Could not save the run to " + file + ": " + failed.getMessage());
            return false;
        }
    }

    private void chooseRunFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a saved run");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Switchboard runs (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openFlowFile(file.toPath());
        }
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

    /** Shows the current flow in the chooser: its sample, or an entry for the file it came from. */
    private void showCurrentFlow() {
        java.util.Optional<SampleFlow> sample = vm.currentSample();
        if (sample.isPresent() || vm.playback().getFlow() == null) {
            showSample(sample.orElse(null));
            return;
        }
        String source = vm.flowSourceProperty().get();
        String fileName = Path.of(source).getFileName() == null ? source : Path.of(source).getFileName().toString();
        SampleFlow entry = new SampleFlow(source, vm.playback().getFlow().name() + " (" + fileName + ")",
                vm.playback().getFlow().description());
        showingSample = true;
        try {
            if (openedFile != null) {
                flowChoices.remove(openedFile);
            }
            openedFile = entry;
            flowChoices.add(entry);
        } finally {
            showingSample = false;
        }
        showSample(entry);
    }

    private void openSample(SampleFlow sample, SampleFlow previous) {
        if (sample == openedFile) {
            if (!openFlowFile(Path.of(sample.fileName()))) {
                showSample(previous);
            }
            return;
        }
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
        vm.playback().showProblem("Could not open the file: " + invalid.getMessage());
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Switchboard");
        alert.setHeaderText("This file cannot be opened; what is open stays as it was.");
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

    /** The id of order {@code orderId}'s row in the orders table, e.g. {@code orderRow-7}. */
    public static String orderRowId(long orderId) {
        return "orderRow-" + orderId;
    }

    /** The id of the status cell of order {@code orderId}'s row, e.g. {@code orderStatus-7}; its text is the status label. */
    public static String orderStatusId(long orderId) {
        return "orderStatus-" + orderId;
    }

    /** The gauge of what customers feel that the diagram shows. */
    public dev.switchboard.trace.CustomerGauge gauge() {
        return gauge;
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
        if (compareWindow != null) {
            compareWindow.stage().close();
        }
    }

    /**
     * Shows compare mode on the current flow: the open compare window if it compares this flow, else a
     * new one (the old one closes).
     */
    public dev.switchboard.ui.compare.CompareWindow openCompareWindow() {
        dev.switchboard.flow.Flow flow = vm.playback().getFlow();
        if (compareWindow != null && compareWindow.stage().isShowing()
                && compareWindow.controller().viewModel().baseFlow() == flow) {
            compareWindow.show();
            return compareWindow;
        }
        if (compareWindow != null) {
            compareWindow.stage().close();
        }
        vm.playback().playingProperty().set(false);
        compareWindow = dev.switchboard.ui.compare.CompareWindow.open(new dev.switchboard.ui.compare.CompareViewModel(flow),
                root.getScene().getWindow(), vm.darkThemeProperty());
        return compareWindow;
    }

    /** Shows the why-window (sequence diagram, waterfall, charts), opening it the first time. */
    public dev.switchboard.ui.why.WhyWindow openWhyWindow() {
        vm.setWhyShown(true);
        if (whyWindow == null) {
            whyWindow = dev.switchboard.ui.why.WhyWindow.open(vm.why(), root.getScene().getWindow());
            whyWindow.stage().showingProperty().addListener((obs, was, showing) -> vm.setWhyShown(showing));
        } else {
            whyWindow.show();
        }
        return whyWindow;
    }

    static String rate(double perSecond) {
        return perSecond < 0.05 ? "off" : dev.switchboard.trace.Numbers.perSecond(perSecond);
    }

    /** The Arrivals label: the slider's own rate, and whether the flow places orders by itself beside it. */
    static String arrivalsText(double perSecond, dev.switchboard.flow.Flow flow) {
        int own = flow == null ? 0 : flow.orders().count();
        if (own == 0) {
            return rate(perSecond);
        }
        return perSecond < 0.05 ? "flow's " + own : rate(perSecond) + " + flow's " + own;
    }

    static String arrivalsTooltip(dev.switchboard.flow.Flow flow) {
        int own = flow == null ? 0 : flow.orders().count();
        String slider = "The slider adds automatic orders per second (0 = none).";
        if (own == 0) {
            return "This flow places no orders by itself. " + slider;
        }
        return "This flow places " + own + " orders by itself, about one every "
                + dev.switchboard.trace.Numbers.ms(flow.orders().interarrivalMs().meanMs()) + " from t = 0, whatever "
                + "the slider says. " + slider;
    }

    /** A line of an order's history, wrapped to the list's width rather than scrolled sideways. */
    private static final class WrappedLineCell extends ListCell<String> {
        WrappedLineCell(ListView<String> list) {
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(NarrationCell.SCROLL_BAR_ALLOWANCE_PX));
            setMaxWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
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
