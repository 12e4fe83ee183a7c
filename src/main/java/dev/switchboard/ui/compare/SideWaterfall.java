package dev.switchboard.ui.compare;

import dev.switchboard.compare.Side;
import dev.switchboard.trace.spans.OrderTimeline;
import dev.switchboard.ui.why.WaterfallSource;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * The followed order's waterfall on one side of compare mode: that side's spans, on the scale both
 * sides share (the longer of the two), so the room sees which side kept the customer waiting.
 */
final class SideWaterfall implements WaterfallSource {
    /** Narrower than the why-window's: two waterfalls share the panel. */
    static final double LABEL_PX = 180;

    private final CompareViewModel vm;
    private final Side side;
    private final ObservableValue<Number> changes;

    SideWaterfall(CompareViewModel vm, Side side) {
        this.vm = vm;
        this.side = side;
        this.changes = javafx.beans.binding.Bindings.createLongBinding(() -> vm.followedRevisionProperty().get()
                        + (vm.darkThemeProperty().get() ? 1L << 40 : 0),
                vm.followedRevisionProperty(), vm.darkThemeProperty());
    }

    @Override
    public Optional<OrderTimeline> shownTimeline() {
        return vm.followedTimeline(side);
    }

    @Override
    public boolean chosen() {
        return true;
    }

    @Override
    public boolean dark() {
        return vm.darkThemeProperty().get();
    }

    @Override
    public double nowMs() {
        return vm.getNowMs();
    }

    @Override
    public ObservableValue<Number> changes() {
        return changes;
    }

    @Override
    public double minSpanMs() {
        return vm.followedSpanMs();
    }

    @Override
    public double labelPx() {
        return LABEL_PX;
    }

    @Override
    public String emptyText() {
        Long id = vm.selectedOrderProperty().get();
        return id == null ? "Follow an order (type its id above, or click its token) to see its waterfall on this side."
                : "#" + id + " is not placed yet on this side.";
    }
}
