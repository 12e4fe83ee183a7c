package dev.switchboard.ui;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowLoader;
import dev.switchboard.flow.SampleFlow;
import dev.switchboard.flow.SampleFlows;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/**
 * The window's view model: the playback with its readers (narration, orders, controls), the list
 * of sample flows and the window title. Opening a flow either replaces the run completely or, when
 * the flow cannot be loaded, leaves everything as it was and throws the loader's message.
 */
public final class MainViewModel {
    public static final String DEFAULT_SAMPLE = SampleFlows.DEFAULT_FILE;
    static final String TITLE_PREFIX = "Switchboard — ";

    private final PlaybackViewModel playback = new PlaybackViewModel();
    private final NarrationViewModel narration = new NarrationViewModel();
    private final OrdersViewModel orders = new OrdersViewModel();
    private final ControlsViewModel controls = new ControlsViewModel(playback);
    private final dev.switchboard.ui.why.WhyViewModel why = new dev.switchboard.ui.why.WhyViewModel();
    private final ObservableList<SampleFlow> samples = FXCollections.observableArrayList(SampleFlows.all());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Switchboard");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode", false);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final ReadOnlyStringWrapper flowSource = new ReadOnlyStringWrapper(this, "flowSource", "");

    public MainViewModel() {
        playback.addListener(narration);
        playback.addListener(orders);
        playback.addListener(controls);
        // folds only while the why-window is shown; opening it folds the history shown so far
        playback.addDetachedListener(why);
        why.selectedOrderProperty().bindBidirectional(orders.selectedOrderProperty());
        why.darkThemeProperty().bind(darkTheme);
        narration.highlightLatestProperty().bind(playback.playingProperty().not());
        title.bind(Bindings.createStringBinding(
                () -> playback.getFlow() == null ? "Switchboard" : TITLE_PREFIX + playback.getFlow().name(),
                playback.flowProperty()));
    }

    /** Opens one of the bundled sample flows, e.g. {@code hybrid-order.json}. */
    public void openSample(String name) throws FlowException {
        Flow flow = FlowLoader.loadSample(name);
        dev.switchboard.trace.Beats.of(flow); // a beat's value the engine would refuse is an error in the file
        open(flow, name);
    }

    /**
     * Opens a flow file, or a saved run (a recording file: its flow, replayed with its commands to
     * where it was saved); on a {@link FlowException} the current flow and run stay exactly as they were.
     */
    public void openFile(Path file) throws FlowException {
        if (dev.switchboard.run.RecordingFiles.isRecording(file)) {
            openRun(dev.switchboard.run.RecordingFiles.read(file), file.toString());
            return;
        }
        Flow flow = FlowLoader.load(file);
        dev.switchboard.trace.Beats.of(flow); // a beat's value the engine would refuse is an error in the file
        open(flow, file.toString());
    }

    /**
     * Opens a saved run: its flow replayed with its commands to the moment it was saved at, as the
     * only branch. A recording that does not fit its flow is refused, and nothing changes.
     */
    public void openRun(dev.switchboard.run.Recording recording, String source) throws FlowException {
        try {
            playback.load(recording, recording.playedTo() == null ? dev.switchboard.run.Moment.START : recording.playedTo());
        } catch (dev.switchboard.run.ReplayException misfit) {
            throw FlowException.unplaced(source, misfit.getMessage());
        }
        flowSource.set(source);
        playback.showStatus("Opened the run of " + recording.flow().name() + " from " + source + " ("
                + recording.commands().size() + (recording.commands().size() == 1 ? " command" : " commands") + "), at "
                + PlaybackViewModel.clockText(playback.getNowMs()) + ".");
    }

    /**
     * Saves the current branch as a run file: the flow's content, the commands given and the newest
     * moment reached, so {@code switchboard run FILE} prints the report of this run as it was played.
     */
    public void saveRun(Path file) throws java.io.IOException {
        dev.switchboard.run.Recording recording = playback.getRecording();
        if (recording == null) {
            throw new IllegalStateException("no run to save yet");
        }
        dev.switchboard.run.RecordingFiles.write(recording.playedTo(playback.newestMoment()), file);
        playback.showStatus("Saved the run (" + recording.commands().size()
                + (recording.commands().size() == 1 ? " command" : " commands") + ", played to "
                + PlaybackViewModel.clockText(playback.newestMoment().timeMs()) + ") to " + file + ".");
    }

    /** Opens an already built flow (tests use this to start from a known flow). */
    public void open(Flow flow, String source) {
        playback.load(flow);
        flowSource.set(source);
        playback.showStatus("Opened " + flow.name() + " from " + source + ".");
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    public NarrationViewModel narration() {
        return narration;
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public ControlsViewModel controls() {
        return controls;
    }

    /** Feeds the why-window's folds while it is shown (attaching folds the run so far); they cost nothing while it is closed. */
    public void setWhyShown(boolean shown) {
        playback.setAttached(why, shown);
    }

    /** The why-window's view model: sequence diagram, waterfall and charts of the current run. */
    public dev.switchboard.ui.why.WhyViewModel why() {
        return why;
    }

    /** The bundled samples in teaching order. */
    public ObservableList<SampleFlow> samples() {
        return samples;
    }

    /** The sample the current flow came from, if it came from one. */
    public java.util.Optional<SampleFlow> currentSample() {
        return SampleFlows.byFileName(flowSource.get());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Large text for a lecture room. */
    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Where the current flow came from: a sample's name or a file's path. */
    public ReadOnlyStringProperty flowSourceProperty() {
        return flowSource.getReadOnlyProperty();
    }
}
