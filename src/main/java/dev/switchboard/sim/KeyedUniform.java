package dev.switchboard.sim;

/**
 * A uniform number in [0, 1) for each key (an order's id, say), derived from a named seed: the same
 * key always gets the same number, whenever and however often it is asked. A property that belongs to
 * the thing a key names (is this order's item in stock?) drawn from it stays that thing's, whatever
 * else happens in the run and in whatever order the questions come.
 */
public final class KeyedUniform {
    private final long seed;

    KeyedUniform(long seed) {
        this.seed = seed;
    }

    /** The number for {@code key}: SplitMix64's finalizer over the seed and the key, top 53 bits. */
    public double uniform(long key) {
        long z = seed + key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
