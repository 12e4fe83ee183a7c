package dev.switchboard.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A titled group of settings inside a controls pane (style class {@code settings-section}): a
 * header with the mechanism's name and, when it can be switched, its on/off switch, then one row
 * per setting. A section can be dimmed (the mechanism is off) or hidden (it does not apply to the
 * link's current style).
 */
final class SettingSection {
    private final VBox root = new VBox(2);
    private final GridPane grid = new GridPane();
    private int rows;

    SettingSection(String title, OnOffSwitch onOff, String tooltip) {
        root.getStyleClass().add(StyleClasses.SETTINGS_SECTION);
        grid.getStyleClass().add("settings-grid");
        LiveSlider.keepNamesAndValuesWhole(grid);
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(StyleClasses.SECTION_HEADER);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, titleLabel, spacer);
        header.getStyleClass().add(StyleClasses.SECTION_HEADER_ROW);
        if (onOff != null) {
            header.getChildren().add(onOff.button());
            if (tooltip != null) {
                onOff.button().setTooltip(new Tooltip(tooltip));
            }
        }
        if (tooltip != null) {
            titleLabel.setTooltip(new Tooltip(tooltip));
        }
        root.getChildren().addAll(header, grid);
    }

    void add(LiveSlider slider, String name, String tooltip) {
        slider.addTo(grid, rows++, name, tooltip);
    }

    void add(String name, Node control, String tooltip) {
        Label label = new Label(name);
        label.getStyleClass().add(StyleClasses.SETTING_NAME);
        if (tooltip != null) {
            label.setTooltip(new Tooltip(tooltip));
        }
        grid.add(label, 0, rows);
        grid.add(control, 1, rows++, 2, 1);
    }

    /** Dims the rows (not the header's switch) while the mechanism is off. */
    void setRowsDisabled(boolean disabled) {
        grid.setDisable(disabled);
    }

    /** Shows or hides the whole section, e.g. retries while a link is a queue. */
    void setShown(boolean shown) {
        root.setVisible(shown);
        root.setManaged(shown);
    }

    VBox node() {
        return root;
    }
}
