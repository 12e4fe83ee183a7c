package dev.switchboard.ui;

import dev.switchboard.flow.BeatSpec;
import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.trace.Beats;
import dev.switchboard.trace.Command;
import javafx.scene.control.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * The flow's canned beats on the number keys: {@link #apply(int)} sends beat n's commands to the run,
 * each as if its control had been moved; the legend label lists the beats by number and the names
 * the flow gave them, so the room can see what a key will do.
 */
public final class BeatsView {
    private final MainViewModel vm;
    private final Label legend;
    private List<BeatSpec> specs = List.of();
    private List<List<Command>> commands = List.of();

    BeatsView(MainViewModel vm, Label legend) {
        this.vm = vm;
        this.legend = legend;
        vm.playback().flowProperty().addListener((obs, old, flow) -> load(flow));
        load(vm.playback().getFlow());
    }

    private void load(Flow flow) {
        specs = flow == null ? List.of() : flow.beats();
        try {
            commands = flow == null ? List.of() : Beats.of(flow);
        } catch (FlowException refused) {
            // The window opens flows through MainViewModel, which refuses such a file before it gets here.
            commands = List.of();
            specs = List.of();
        }
        legend.setText(legendText(specs));
        legend.setVisible(!specs.isEmpty());
        legend.setManaged(!specs.isEmpty());
    }

    /** "1 kitchen slows to ×5   2 Order→Kitchen becomes sync": the number keys and the beats' names. */
    static String legendText(List<BeatSpec> beats) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < beats.size(); i++) {
            parts.add("[" + (i + 1) + "] " + beats.get(i).name());
        }
        return String.join("    ", parts);
    }

    /** Applies beat {@code number} (from 1); returns false when the flow has no such beat. */
    public boolean apply(int number) {
        if (number < 1 || number > commands.size()) {
            return false;
        }
        for (Command command : commands.get(number - 1)) {
            vm.playback().submit(() -> command);
        }
        return true;
    }

    /** The names of the current flow's beats, in key order. */
    public List<String> names() {
        return specs.stream().map(BeatSpec::name).toList();
    }
}
