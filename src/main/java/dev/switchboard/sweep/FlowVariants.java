package dev.switchboard.sweep;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;

import java.util.List;

/** Loads a flow with some of its fields changed: the source a sweep varies (a file, a sample, text). */
@FunctionalInterface
public interface FlowVariants {
    Flow load(List<FlowOverride> overrides) throws FlowException;
}
