package dev.switchboard.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named, independently seeded random streams derived from one master seed. Each source of
 * randomness draws from its own stream, so changing how often one source draws never shifts
 * another source's numbers.
 */
public final class RandomStreams {
    private final long seed;
    private final Map<String, SplittableRandom> streams = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public SplittableRandom stream(String name) {
        return streams.computeIfAbsent(name, n -> new SplittableRandom(mix(seed, n)));
    }

    /**
     * A number per key under {@code name}: unlike a stream, asking for one key does not move any
     * other key's number, so a property of an order stays the same however the run's calls interleave.
     */
    public KeyedUniform keyed(String name) {
        return new KeyedUniform(mix(seed, "keyed:" + name));
    }

    static long mix(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = seed * 0x9E3779B97F4A7C15L + h;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
