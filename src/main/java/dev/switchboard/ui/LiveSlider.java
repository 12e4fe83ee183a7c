package dev.switchboard.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;

/**
 * One live setting in the controls panel: a name, a slider and a label with its value. The value
 * is committed when the user lets go of the thumb or clicks or keys a new value, never while
 * dragging, and never when the panel itself shows a value that came from the trace. A value the run
 * refuses snaps back: when a commit brings no new value from the run, the slider and its label show
 * again what the engine holds (the status bar says why it was refused).
 */
final class LiveSlider {
    private final Slider slider;
    private final Label valueLabel;
    private final DoubleFunction<String> format;
    private final DoubleConsumer commit;
    private boolean showing;
    private double shownValue = Double.NaN;
    /** What the run last reported, and how it was labelled: where a refused value snaps back to. */
    private double runValue = Double.NaN;
    private String runLabel;
    private long shows;

    LiveSlider(String id, double min, double max, DoubleFunction<String> format, DoubleConsumer commit) {
        this(new Slider(min, max, min), new Label(), format, commit);
        slider.setId(id);
        valueLabel.setId(id.replace("Slider", "Value"));
    }

    /** Gives live behaviour to a slider and value label declared elsewhere (e.g. in FXML). */
    LiveSlider(Slider slider, Label valueLabel, DoubleFunction<String> format, DoubleConsumer commit) {
        this.slider = slider;
        this.valueLabel = valueLabel;
        this.format = format;
        this.commit = commit;
        slider.getStyleClass().add(StyleClasses.LIVE_SLIDER);
        valueLabel.getStyleClass().add(StyleClasses.VALUE_LABEL);
        valueLabel.setText(format.apply(slider.getValue()));
        shownValue = slider.getValue();
        runValue = shownValue;
        runLabel = valueLabel.getText();
        slider.valueProperty().addListener((obs, old, value) -> {
            valueLabel.setText(format.apply(value.doubleValue()));
            if (!slider.isValueChanging()) {
                commitIfNew();
            }
        });
        slider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                commitIfNew();
            }
        });
    }

    /** Shows a value the run reports; it is not sent back as a command. */
    void show(double value) {
        show(value, format.apply(value));
    }

    /** Shows a value with its own label text (e.g. "unlimited" beyond the slider's range). */
    void show(double value, String label) {
        shows++;
        runValue = value;
        runLabel = label;
        showing = true;
        try {
            shownValue = value;
            slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), value)));
            valueLabel.setText(label);
        } finally {
            showing = false;
        }
    }

    private void commitIfNew() {
        double value = slider.getValue();
        if (showing || value == shownValue) {
            return;
        }
        shownValue = value;
        long before = shows;
        commit.accept(value);
        if (shows == before && !Double.isNaN(runValue)) {
            // the run reported nothing new: refused, or the same value after rounding
            show(runValue, runLabel);
        }
    }

    void addTo(GridPane grid, int row, String name, String tooltip) {
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add(StyleClasses.SETTING_NAME);
        nameLabel.setLabelFor(slider);
        if (tooltip != null) {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(tooltip);
            nameLabel.setTooltip(tip);
            slider.setTooltip(tip);
        }
        GridPane.setHgrow(slider, Priority.ALWAYS);
        grid.addRow(row, nameLabel, slider, valueLabel);
    }

    /**
     * Makes a settings grid shrink its sliders, never its names or values, when the panel is
     * narrow: a value like "300–900 ms" is then shown whole instead of cut to "300-9...".
     */
    static void keepNamesAndValuesWhole(GridPane grid) {
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints sliders = new javafx.scene.layout.ColumnConstraints();
        sliders.setHgrow(Priority.ALWAYS);
        sliders.setMinWidth(40);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(names, sliders, values);
    }

    Slider slider() {
        return slider;
    }

    Label valueLabel() {
        return valueLabel;
    }

    void setDisable(boolean disabled) {
        slider.setDisable(disabled);
        valueLabel.setDisable(disabled);
    }
}
