package dev.switchboard.ui;

import dev.switchboard.sweep.Estimate;
import dev.switchboard.sweep.Figure;
import dev.switchboard.sweep.PointResult;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Sweep dialog's view: binds {@code SweepDialog.fxml} to a {@link SweepViewModel} and draws
 * its results — per value of the second setting a line of means with its 95 % band (two thin
 * lines) and, where queueing theory has an answer, a dashed theory line.
 */
public final class SweepController {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final SweepViewModel vm;

    @FXML private BorderPane sweepRoot;
    @FXML private ChoiceBox<SweepSetting> firstSettingChoice;
    @FXML private TextField firstPathField;
    @FXML private TextField firstValuesField;
    @FXML private ChoiceBox<SweepSetting> secondSettingChoice;
    @FXML private TextField secondPathField;
    @FXML private TextField secondValuesField;
    @FXML private Spinner<Integer> seedsSpinner;
    @FXML private Spinner<Integer> ordersSpinner;
    @FXML private ChoiceBox<Figure> figureChoice;
    @FXML private Button runSweepButton;
    @FXML private Button cancelSweepButton;
    @FXML private ProgressBar sweepProgress;
    @FXML private Label sweepStatusLabel;
    @FXML private LineChart<Number, Number> sweepChart;
    @FXML private NumberAxis sweepXAxis;
    @FXML private NumberAxis sweepYAxis;
    @FXML private ListView<PointResult> pointList;
    @FXML private Button openPointButton;
    @FXML private Button exportPngButton;

    public SweepController(SweepViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        firstSettingChoice.setItems(vm.settings());
        firstSettingChoice.valueProperty().bindBidirectional(vm.firstProperty());
        secondSettingChoice.setItems(vm.secondSettings());
        secondSettingChoice.valueProperty().bindBidirectional(vm.secondProperty());
        firstPathField.textProperty().bindBidirectional(vm.firstPathProperty());
        firstValuesField.textProperty().bindBidirectional(vm.firstValuesProperty());
        secondPathField.textProperty().bindBidirectional(vm.secondPathProperty());
        secondValuesField.textProperty().bindBidirectional(vm.secondValuesProperty());
        secondPathField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.secondProperty().get() == null || vm.secondProperty().get().isNone(), vm.secondProperty()));
        secondValuesField.disableProperty().bind(secondPathField.disableProperty());

        seedsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100, vm.seedsProperty().get()));
        seedsSpinner.valueProperty().addListener((obs, old, n) -> vm.seedsProperty().set(n));
        ordersSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000,
                vm.ordersProperty().get(), 500));
        ordersSpinner.valueProperty().addListener((obs, old, n) -> vm.ordersProperty().set(n));

        figureChoice.setItems(FXCollections.observableArrayList(Figure.values()));
        figureChoice.valueProperty().bindBidirectional(vm.figureProperty());
        figureChoice.valueProperty().addListener((obs, old, f) -> redraw());

        runSweepButton.disableProperty().bind(vm.runningProperty());
        runSweepButton.setOnAction(e -> vm.start());
        cancelSweepButton.disableProperty().bind(vm.runningProperty().not());
        cancelSweepButton.setOnAction(e -> vm.cancel());
        sweepProgress.progressProperty().bind(vm.progressProperty());
        sweepStatusLabel.textProperty().bind(vm.statusProperty());
        vm.problemProperty().addListener((obs, was, now) -> sweepStatusLabel.pseudoClassStateChanged(PROBLEM, now));
        sweepStatusLabel.pseudoClassStateChanged(PROBLEM, vm.problemProperty().get());

        pointList.setItems(vm.results());
        pointList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PointResult point, boolean empty) {
                super.updateItem(point, empty);
                setText(empty || point == null ? null : vm.describe(point) + "\n" + figureText(point));
            }
        });
        pointList.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> vm.selectedPointProperty().set(p));
        openPointButton.disableProperty().bind(vm.canOpenPointProperty().not());
        openPointButton.setOnAction(e -> vm.openSelectedPoint());
        exportPngButton.disableProperty().bind(Bindings.isEmpty(vm.results()));
        exportPngButton.setOnAction(e -> chooseExport());

        sweepChart.setTitle("Run a sweep to see its figures");
        vm.results().addListener((ListChangeListener<PointResult>) change -> redraw());
    }

    private String figureText(PointResult point) {
        Figure figure = vm.figureProperty().get();
        Estimate e = point.figure(figure);
        String value = Double.isFinite(e.halfWidth())
                ? String.format(Locale.ROOT, "%.4g ± %.2g %s", e.mean(), e.halfWidth(), figure.unit())
                : String.format(Locale.ROOT, "%.4g %s", e.mean(), figure.unit());
        return "  " + value.strip();
    }

    /** Redraws the chart from the view model's results for the chosen figure. */
    private void redraw() {
        sweepChart.getData().clear();
        pointList.refresh();
        List<PointResult> results = vm.results();
        Figure figure = vm.figureProperty().get();
        if (results.isEmpty() || figure == null) {
            return;
        }
        List<String> xValues = vm.sweptValues().get(0);
        boolean numeric = xValues.stream().allMatch(SweepController::isNumber);
        // LineChart resets its series' style classes whenever a series is added: add ours after the last
        Map<XYChart.Series<Number, Number>, String> classes = new LinkedHashMap<>();
        Map<String, List<PointResult>> bySeries = new LinkedHashMap<>();
        for (PointResult point : results) {
            String key = vm.sweptSettings().size() > 1 ? vm.displayValue(point, 1) : "";
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
        }
        for (Map.Entry<String, List<PointResult>> entry : bySeries.entrySet()) {
            String name = entry.getKey().isEmpty() ? "simulation" : entry.getKey();
            XYChart.Series<Number, Number> mean = new XYChart.Series<>();
            mean.setName(name + " (mean)");
            XYChart.Series<Number, Number> low = new XYChart.Series<>();
            low.setName(name + " 95% low");
            XYChart.Series<Number, Number> high = new XYChart.Series<>();
            high.setName(name + " 95% high");
            XYChart.Series<Number, Number> theory = new XYChart.Series<>();
            theory.setName(name + " theory");
            for (PointResult point : entry.getValue()) {
                int index = vm.valueIndex(point, 0);
                double x = numeric ? Double.parseDouble(xValues.get(index)) : index + 1;
                Estimate e = point.figure(figure);
                mean.getData().add(new XYChart.Data<>(x, e.mean()));
                if (Double.isFinite(e.halfWidth())) {
                    low.getData().add(new XYChart.Data<>(x, e.low()));
                    high.getData().add(new XYChart.Data<>(x, e.high()));
                }
                point.theory(figure).ifPresent(t -> theory.getData().add(new XYChart.Data<>(x, t)));
            }
            sweepChart.getData().add(mean);
            int group = sweepChart.getData().size() - 1;
            if (!low.getData().isEmpty()) {
                sweepChart.getData().add(low);
                sweepChart.getData().add(high);
                classes.put(low, "sweep-band-" + group % 8);
                classes.put(high, "sweep-band-" + group % 8);
            }
            if (!theory.getData().isEmpty()) {
                sweepChart.getData().add(theory);
                classes.put(theory, "sweep-theory");
            }
        }
        classes.forEach((series, styleClass) -> {
            if (styleClass.startsWith("sweep-band")) {
                band(series, styleClass);
            } else {
                series.getNode().getStyleClass().add(styleClass);
            }
        });
        // the bands go without legend entries: each mean's entry stands for its band
        sweepChart.applyCss();
        for (javafx.scene.Node item : sweepChart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && label.getText() != null && label.getText().contains("95%")) {
                label.setVisible(false);
                label.setManaged(false);
            }
        }
        sweepXAxis.setLabel(vm.sweptSettings().get(0).label());
        sweepYAxis.setLabel(figure.label() + (figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")"));
        sweepXAxis.setTickLabelFormatter(numeric ? null : new StringConverter<>() {
            @Override
            public String toString(Number n) {
                int i = (int) Math.round(n.doubleValue()) - 1;
                return Math.abs(n.doubleValue() - (i + 1)) < 1e-9 && i >= 0 && i < xValues.size() ? xValues.get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return xValues.indexOf(s) + 1;
            }
        });
        sweepChart.setTitle(figure.label() + " against " + vm.sweptSettings().get(0).label());
    }

    private static void band(XYChart.Series<Number, Number> series, String groupClass) {
        series.getNode().getStyleClass().addAll("sweep-band", groupClass);
        for (XYChart.Data<Number, Number> d : series.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sweep chart");
        chooser.setInitialFileName("sweep.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images (*.png)", "*.png"));
        File file = chooser.showSaveDialog(sweepRoot.getScene().getWindow());
        if (file != null) {
            exportPng(file.toPath());
        }
    }

    /** Saves the chart as a PNG; a failure shows in the status line. Returns whether it was written. */
    public boolean exportPng(Path file) {
        try {
            Screenshots.writePng(sweepChart.snapshot(new SnapshotParameters(), null), file);
            return true;
        } catch (IOException e) {
            sweepStatusLabel.textProperty().unbind();
            sweepStatusLabel.setText("Could not save " + file + ": " + e.getMessage());
            sweepStatusLabel.textProperty().bind(vm.statusProperty());
            return false;
        }
    }

    public SweepViewModel viewModel() {
        return vm;
    }

    public LineChart<Number, Number> chart() {
        return sweepChart;
    }
}
