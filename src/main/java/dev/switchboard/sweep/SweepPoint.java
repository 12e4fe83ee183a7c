package dev.switchboard.sweep;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowOverride;

import java.util.List;

/**
 * One combination of a sweep's values: its place in the sweep, the value of each axis, the
 * overrides that make it, and the flow they give.
 */
public record SweepPoint(int index, List<String> values, List<FlowOverride> overrides, Flow flow) {
    public SweepPoint {
        values = List.copyOf(values);
        overrides = List.copyOf(overrides);
    }
}
