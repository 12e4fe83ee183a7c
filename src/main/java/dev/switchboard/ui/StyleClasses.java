package dev.switchboard.ui;

/** The style-class and pseudo-class names the window's views use, kept in one place with app.css. */
public final class StyleClasses {
    public static final String LIVE_SLIDER = "live-slider";
    public static final String VALUE_LABEL = "value-label";
    public static final String SETTING_NAME = "setting-name";
    public static final String STYLE_SWITCH = "style-switch";
    public static final String DOWN_TOGGLE = "down-toggle";
    public static final String ON_OFF_SWITCH = "on-off-switch";
    public static final String CHOICE_BUTTONS = "choice-buttons";
    public static final String SETTINGS_SECTION = "settings-section";
    public static final String SECTION_HEADER = "section-header";
    public static final String SECTION_HEADER_ROW = "section-header-row";
    public static final String SECTION_NOTE = "section-note";
    public static final String INSTANCE_TOGGLES = "instance-toggles";
    public static final String NARRATION_CELL = "narration-cell";
    /** Pseudo-class on narration cells of the latest step. */
    public static final String LATEST = "latest";
    /** Pseudo-class on the play button while playing. */
    public static final String PLAYING = "playing";
    /** Pseudo-class on the status text while it reports a refused value or a failure. */
    public static final String PROBLEM = "problem";

    private StyleClasses() {
    }
}
