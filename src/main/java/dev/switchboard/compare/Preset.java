package dev.switchboard.compare;

import dev.switchboard.flow.FlowOverride;

import java.util.List;
import java.util.Objects;

/**
 * A named difference worth comparing: the overrides of each side and a label per side that says
 * what differs ("order->kitchen sync" against "order->kitchen queue").
 *
 * @param name        the name on the command line, e.g. {@code sync-vs-queue}
 * @param description one sentence: what the two sides show
 */
public record Preset(String name, String description, String leftLabel, List<FlowOverride> left,
                     String rightLabel, List<FlowOverride> right) {

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(leftLabel, "leftLabel");
        Objects.requireNonNull(rightLabel, "rightLabel");
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** The overrides of one side. */
    public List<FlowOverride> overrides(Side side) {
        return side == Side.LEFT ? left : right;
    }

    public String label(Side side) {
        return side == Side.LEFT ? leftLabel : rightLabel;
    }
}
