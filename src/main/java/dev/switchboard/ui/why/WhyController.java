package dev.switchboard.ui.why;

import dev.switchboard.model.ServiceId;
import dev.switchboard.spans.Arrow;
import dev.switchboard.spans.LiveFigures;
import dev.switchboard.spans.SummaryRow;
import dev.switchboard.trace.Narrator;
import dev.switchboard.ui.ExportMenu;
import dev.switchboard.ui.Screenshots;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Puts the why-window together: the sequence diagram with its follow, filter and zoom controls and
 * the narration of the clicked arrow, the waterfall of the selected order, and three live charts
 * beside the summary table. The charts are rebuilt from the view model's samples, which it
 * refreshes a few times a second at most. Each tab's "Save as PNG…" button writes a picture of its
 * view to a file the user picks, and says on the window's status line what it wrote.
 */
public final class WhyController {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    /** The views the window saves as PNG, with the tab each lives in and the file name a chooser suggests. */
    public enum Picture {
        SEQUENCE("sequence", "Sequence diagram as PNG", "sequence.png", "the sequence diagram"),
        WATERFALL("waterfall", "Waterfall as PNG", "waterfall.png", "the waterfall"),
        CHARTS("charts", "Charts as PNG", "charts.png", "the charts");

        private final String tab;
        private final String title;
        private final String suggestedName;
        private final String what;

        Picture(String tab, String title, String suggestedName, String what) {
            this.tab = tab;
            this.title = title;
            this.suggestedName = suggestedName;
            this.what = what;
        }

        public String title() {
            return title;
        }

        public String suggestedName() {
            return suggestedName;
        }
    }

    @FXML private javafx.scene.control.TabPane whyTabs;
    @FXML private CheckBox sequenceFollow;
    @FXML private CheckBox sequenceOrderFilter;
    @FXML private Button sequenceZoomIn;
    @FXML private Button sequenceZoomOut;
    @FXML private Label sequenceScaleLabel;
    @FXML private StackPane sequenceHost;
    @FXML private Label sequenceNarration;
    @FXML private ScrollPane waterfallScroll;
    @FXML private VBox chartsHost;
    @FXML private TableView<SummaryRow> summaryTable;
    @FXML private TableColumn<SummaryRow, String> summarySectionColumn;
    @FXML private TableColumn<SummaryRow, String> summaryFigureColumn;
    @FXML private TableColumn<SummaryRow, String> summaryMeasuredColumn;
    @FXML private TableColumn<SummaryRow, String> summaryTheoryColumn;
    @FXML private Button sequenceExportPng;
    @FXML private Button waterfallExportPng;
    @FXML private Button chartsExportPng;
    @FXML private Label whyStatusLabel;

    private final WhyViewModel vm;
    private final List<Runnable> chartUpdates = new ArrayList<>();
    private SequenceView sequenceView;
    private WaterfallView waterfallView;
    /** Picks the PNG's file; replaceable so tests need no native dialog. */
    private ExportMenu.Chooser chooser = ExportMenu::showChooser;
    private final javafx.animation.Timeline catchUp = new javafx.animation.Timeline();

    public WhyController(WhyViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        sequenceView = new SequenceView(vm);
        sequenceView.setId("sequenceView");
        sequenceHost.getChildren().add(sequenceView);
        sequenceFollow.selectedProperty().bindBidirectional(sequenceView.followProperty());
        sequenceOrderFilter.selectedProperty().bindBidirectional(sequenceView.onlySelectedOrderProperty());
        sequenceOrderFilter.textProperty().bind(Bindings.createStringBinding(() -> {
            Long id = vm.selectedOrderProperty().get();
            return id == null ? "Only the selected order (none selected)" : "Only order #" + id;
        }, vm.selectedOrderProperty()));
        sequenceZoomIn.setOnAction(e -> sequenceView.zoom(0.5));
        sequenceZoomOut.setOnAction(e -> sequenceView.zoom(2));
        sequenceScaleLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%s per 100 px · Ctrl + wheel zooms, the wheel scrolls",
                        Narrator.duration(sequenceView.msPerPxProperty().get() * 100)),
                sequenceView.msPerPxProperty()));
        vm.selectedArrowProperty().addListener((obs, old, arrow) -> sequenceNarration.setText(narration(arrow)));

        waterfallView = new WaterfallView(vm);
        waterfallView.setId("waterfallView");
        waterfallScroll.setContent(waterfallView);
        sequenceExportPng.setOnAction(e -> exportPng(Picture.SEQUENCE));
        waterfallExportPng.setOnAction(e -> exportPng(Picture.WATERFALL));
        chartsExportPng.setOnAction(e -> exportPng(Picture.CHARTS));

        initCharts();
        initSummary();
        // the last advance of a paused or finished run may have come too soon after a sample: catch up
        catchUp.getKeyFrames().add(new javafx.animation.KeyFrame(
                javafx.util.Duration.millis(2 * WhyViewModel.CHART_UPDATE_WALL_MS), e -> vm.refreshCharts()));
        catchUp.setCycleCount(javafx.animation.Animation.INDEFINITE);
        catchUp.play();
    }

    /** Stops the catch-up timer (when the window is closed for good). */
    public void dispose() {
        catchUp.stop();
    }

    private String narration(Arrow arrow) {
        if (arrow == null) {
            return "Click an arrow to read what it was.";
        }
        return Narrator.seconds(arrow.startMs()) + ": " + vm.narrate(arrow);
    }

    public void setChooser(ExportMenu.Chooser chooser) {
        this.chooser = chooser;
    }

    /** Asks for a file and writes {@code picture} to it as PNG; the status line says what happened. */
    public void exportPng(Picture picture) {
        Path file = chooser.choose(whyTabs.getScene().getWindow(), picture.title(), picture.suggestedName(), "*.png");
        if (file == null) {
            return;
        }
        try {
            writePng(picture, file);
            showStatus("Wrote " + picture.what + " to " + file + ".", false);
        } catch (IOException | RuntimeException e) {
            showStatus("Could not write " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true);
        }
    }

    /**
     * Writes {@code picture} to {@code file} as PNG: the sequence canvas as it stands, the whole waterfall
     * of the shown order, or the three charts. Shows the picture's tab first, so what is saved is laid out
     * and is what the user sees.
     */
    public void writePng(Picture picture, Path file) throws IOException {
        selectTab(picture.tab);
        Parent root = whyTabs.getScene().getRoot();
        root.applyCss();
        root.layout();
        Node node = switch (picture) {
            case SEQUENCE -> sequenceView.canvas();
            case WATERFALL -> waterfallView.canvas();
            case CHARTS -> chartsHost;
        };
        Screenshots.writePng(node.snapshot(null, null), file);
    }

    private void showStatus(String text, boolean problem) {
        whyStatusLabel.setText(text);
        whyStatusLabel.pseudoClassStateChanged(PROBLEM, problem);
    }

    /** Shows the tab whose id starts with {@code name} (sequence, waterfall, charts); any other name changes nothing. */
    public void selectTab(String name) {
        whyTabs.getTabs().stream().filter(t -> t.getId().equals(name + "Tab")).findFirst()
                .ifPresent(t -> whyTabs.getSelectionModel().select(t));
    }

    /** The sequence diagram (for tests). */
    public SequenceView sequenceView() {
        return sequenceView;
    }

    private void initCharts() {
        chartsHost.getChildren().addAll(
                chart("latencyChart", "Latency over the last 10 s (ms)",
                        series("acceptance p50", s -> s.acceptP50Ms()), series("acceptance p95", s -> s.acceptP95Ms()),
                        series("delivery p50", s -> s.deliveryP50Ms()), series("delivery p95", s -> s.deliveryP95Ms())),
                chart("queueChart", "Queue depths and Order workers blocked",
                        series("kitchen queue", s -> s.queueDepth(ServiceId.KITCHEN)),
                        series("inventory line", s -> s.queueDepth(ServiceId.INVENTORY)),
                        series("order line", s -> s.queueDepth(ServiceId.ORDER)),
                        series("delivery line", s -> s.queueDepth(ServiceId.DELIVERY)),
                        series("Order workers blocked", s -> s.orderWorkersBlocked())),
                chart("rateChart", "Per second over the last 10 s",
                        series("delivered", s -> s.deliveredPerS()), series("errors", s -> s.errorsPerS()),
                        series("timeouts", s -> s.timeoutsPerS()), series("refused", s -> s.refusedPerS())));
        vm.samples().addListener((ListChangeListener<LiveFigures.Sample>) change -> chartUpdates.forEach(Runnable::run));
    }

    private record Line(String name, ToDoubleFunction<LiveFigures.Sample> value) { }

    private static Line series(String name, ToDoubleFunction<LiveFigures.Sample> value) {
        return new Line(name, value);
    }

    private LineChart<Number, Number> chart(String id, String title, Line... lines) {
        NumberAxis x = new NumberAxis();
        x.setLabel("virtual time (s)");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(230);
        chart.setMinHeight(180);
        for (Line line : lines) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            chart.getData().add(series);
            chartUpdates.add(() -> {
                List<XYChart.Data<Number, Number>> points = new ArrayList<>();
                for (LiveFigures.Sample s : vm.samples()) {
                    double v = line.value().applyAsDouble(s);
                    if (!Double.isNaN(v)) {
                        points.add(new XYChart.Data<>(s.timeMs() / 1000, v));
                    }
                }
                series.getData().setAll(points);
            });
        }
        return chart;
    }

    private void initSummary() {
        summaryTable.setItems(vm.summary());
        summarySectionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().section()));
        summaryFigureColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().figure()));
        summaryMeasuredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().measured()));
        summaryTheoryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().theory()));
        summaryTable.setPlaceholder(new Label("The report's figures appear as the run plays."));
    }
}
