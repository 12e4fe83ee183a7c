package dev.switchboard.flow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    private static final List<String> SERVICE_FIELDS = List.of("workers", "workMs", "errorRate", "slowdown", "stockOutRate");

    @Test
    void swappedLettersCountAsOneEdit() {
        assertEquals(1, Suggestions.distance("wrokers", "workers"));
        assertEquals(1, Suggestions.distance("ab", "ba"));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("kitchen", "kitchen"));
        assertEquals(1, Suggestions.distance("kichen", "kitchen"));
        assertEquals(1, Suggestions.distance("kitchens", "kitchen"));
        assertEquals(1, Suggestions.distance("kitchan", "kitchen"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(7, Suggestions.distance("", "kitchen"));
    }

    @Test
    void aMistypedFieldSuggestsTheClosestAllowedName() {
        assertEquals(Optional.of("workers"), Suggestions.closest("wrokers", SERVICE_FIELDS));
        assertEquals(Optional.of("workMs"), Suggestions.closest("workms", SERVICE_FIELDS));
        assertEquals(Optional.of("errorRate"), Suggestions.closest("error_rate", SERVICE_FIELDS));
        assertEquals(Optional.of("stockOutRate"), Suggestions.closest("stockout", SERVICE_FIELDS));
    }

    @Test
    void aNameFarFromEveryCandidateGetsNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("colour", SERVICE_FIELDS));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of("sync", "queue", "event")));
        assertEquals("", Suggestions.didYouMean("gaussian", List.of("fixed", "exponential", "uniform", "normal")));
    }

    @Test
    void didYouMeanQuotesTheSuggestion() {
        assertEquals("; did you mean \"order->kitchen\"?",
                Suggestions.didYouMean("order-->kitchen", List.of("order->inventory", "order->kitchen", "kitchen->delivery")));
    }

    @Test
    void inputLongerThanAnyNameGetsNoSuggestionEvenWhenItContainsOne() {
        assertEquals(Optional.of("workers"), Suggestions.closest("workers" + "x".repeat(50), SERVICE_FIELDS));
        assertEquals(Optional.empty(), Suggestions.closest("workers" + "x".repeat(Suggestions.MAX_TYPO_CHARS), SERVICE_FIELDS));
    }
}
