package dev.switchboard.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the allowed name a mistyped one was probably meant to be, by edit distance. */
public final class Suggestions {

    /** Longer input is not a typo of any name here. */
    static final int MAX_TYPO_CHARS = 100;

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input}, if it is close enough to be a likely typo: a few
     * letters changed, swapped, added or dropped, a different case, or one containing the other.
     * Ties go to the earlier candidate, so callers list names in their natural order.
     */
    public static Optional<String> closest(String input, List<String> candidates) {
        if (input.length() > MAX_TYPO_CHARS) {
            // no name is that long, and the distance table would grow with it (a 4 MB key: gigabytes)
            return Optional.empty();
        }
        String typed = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String name = candidate.toLowerCase(Locale.ROOT);
            int d = distance(typed, name);
            boolean contained = typed.length() >= 3 && (name.contains(typed) || typed.contains(name));
            if ((d <= allowed || contained) && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code ; did you mean "workers"?} or nothing when no candidate is close. */
    public static String didYouMean(String input, List<String> candidates) {
        return closest(input, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
     * letters (optimal string alignment), since swapped letters are the commonest typo.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
