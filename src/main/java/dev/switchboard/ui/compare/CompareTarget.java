package dev.switchboard.ui.compare;

import dev.switchboard.compare.Side;

import java.util.List;

/** Which side(s) of a comparison a change from the compare window goes to. */
public enum CompareTarget {
    LEFT("Left", "the left side", List.of(Side.LEFT)),
    RIGHT("Right", "the right side", List.of(Side.RIGHT)),
    BOTH("Both", "both sides", List.of(Side.LEFT, Side.RIGHT));

    private final String label;
    private final String words;
    private final List<Side> sides;

    CompareTarget(String label, String words, List<Side> sides) {
        this.label = label;
        this.words = words;
        this.sides = sides;
    }

    /** The toggle's text. */
    public String label() {
        return label;
    }

    /** In a sentence: "both sides". */
    public String words() {
        return words;
    }

    public List<Side> sides() {
        return sides;
    }
}
