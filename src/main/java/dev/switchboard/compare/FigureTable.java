package dev.switchboard.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Every {@link CompareFigure} of both sides at one moment, with the difference (right minus left). */
public record FigureTable(List<Row> rows) {

    public FigureTable {
        rows = List.copyOf(rows);
    }

    /** One figure of both sides. */
    public record Row(CompareFigure figure, double left, double right) {
        public Row {
            Objects.requireNonNull(figure, "figure");
        }

        /** Right minus left. */
        public double difference() {
            return right - left;
        }

        public boolean same() {
            return left == right;
        }

        /** Equal, or too close to tell apart on one seed (see {@link CompareFigure#aboutTheSame}). */
        public boolean aboutTheSame() {
            return figure.aboutTheSame(left, right);
        }

        public double value(Side side) {
            return side == Side.LEFT ? left : right;
        }
    }

    public static FigureTable of(SideFigures left, SideFigures right) {
        List<Row> rows = new ArrayList<>();
        for (CompareFigure figure : CompareFigure.values()) {
            rows.add(new Row(figure, figure.of(left), figure.of(right)));
        }
        return new FigureTable(rows);
    }

    public Row row(CompareFigure figure) {
        return rows.stream().filter(r -> r.figure() == figure).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row for " + figure));
    }

    /** Whether every figure is exactly the same on both sides. */
    public boolean identical() {
        return rows.stream().allMatch(Row::same);
    }
}
