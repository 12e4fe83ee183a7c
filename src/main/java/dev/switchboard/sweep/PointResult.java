package dev.switchboard.sweep;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/** A sweep point's figures across its seeds, and the theory's value where it has one. */
public record PointResult(SweepPoint point, Map<Figure, Estimate> figures, Map<Figure, Double> theory) {
    public PointResult {
        figures = new EnumMap<>(figures);
        theory = theory.isEmpty() ? Map.of() : new EnumMap<>(theory);
    }

    public Estimate figure(Figure figure) {
        return figures.get(figure);
    }

    public OptionalDouble theory(Figure figure) {
        Double value = theory.get(figure);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
