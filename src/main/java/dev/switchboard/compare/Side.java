package dev.switchboard.compare;

/** One of the two runs of a comparison; the left is the baseline the right is measured against. */
public enum Side {
    LEFT("left"),
    RIGHT("right");

    private final String key;

    Side(String key) {
        this.key = key;
    }

    /** The name in JSON output and on the command line ({@code --left}, {@code --right}). */
    public String key() {
        return key;
    }
}
