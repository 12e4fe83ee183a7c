package dev.switchboard.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad flow gives one error naming the field path, the line and column of the
 * offending text, and a problem in plain words. Positions are found by searching the flow text
 * for a marker, so each test shows what the error must point at.
 */
class FlowErrorsTest {

    private static final String SOURCE = "test.json";

    // ---- the message format ----

    @Test
    void theMessageReadsSourceLineColumnFieldPathAndProblem() {
        String json = """
                {
                  "name": "Kitchen backlog",
                  "description": "Orders arrive faster than the kitchen cooks.",
                  "seed": 7,
                  "orders": { "count": 120, "interarrivalMs": { "exponential": 150 } },
                  "services": {
                    "order": { "workers": 4 },
                    "kitchen": {
                      "workMs": { "uniform": [300, 900] },
                      "errorRate": 0,
                      "slowdown": 1,
                      "workers":
                      
                          -3
                    }
                  }
                }
                """;
        FlowException e = error(json, "kitchen-backlog.json");

        assertEquals("kitchen-backlog.json:14:11: services.kitchen.workers: must be >= 1 but was -3"
                + " (a service without workers never finishes an order; to stop a service, give it a down fault)", e.getMessage());
        assertEquals("kitchen-backlog.json", e.sourceName());
        assertEquals(14, e.line());
        assertEquals(11, e.column());
        assertEquals("services.kitchen.workers", e.fieldPath());
        assertTrue(e.problem().startsWith("must be >= 1 but was -3 ("), e.problem());
        assertTrue(e.hasPosition());
    }

    // ---- malformed JSON ----

    @Test
    void aTrailingCommaIsASyntaxErrorAtTheClosingBrace() {
        String json = """
                {
                  "name": "x",
                  "seed": 4,
                }
                """;
        assertProblem(json, "", 4, 1, "expected a field name in double quotes but found '}' (is there a comma after the last field?)");
    }

    @Test
    void aMissingCommaIsReportedWhereTheNextFieldStarts() {
        String json = """
                {
                  "name": "x"
                  "seed": 4
                }
                """;
        assertProblem(json, "", 3, 3, "expected ',' between fields or '}' to end the object but found '\"' (is a comma missing?)");
    }

    @Test
    void anUnquotedWordIsNamedAndPlacedAtItsStart() {
        String json = """
                {"name": "x",
                 "links": {"order->kitchen": {"style": queue}}}
                """;
        assertProblem(json, "", 2, 40, "unknown word 'queue'; expected a value (a number, a \"string\", true, false, null,"
                + " an object {...} or a list [...]) (text must be in double quotes)");
    }

    @Test
    void singleQuotesAreExplained() {
        assertProblem("{'name': 'x'}", "", 1, 2, "expected a field name in double quotes but found ''' (JSON needs double quotes)");
    }

    @Test
    void aFileThatEndsTooSoonSaysWhichObjectIsStillOpen() {
        String json = """
                {"name": "x",
                 "services": {"kitchen": {"workers": 2}
                }
                """;
        assertProblem(json, "", 4, 1, "the file ends before the object {...} that starts at line 1, column 1 is closed (is a '}' missing?)");
    }

    @Test
    void aMismatchedBracketSaysWhatItShouldClose() {
        String json = """
                {"name": "x",
                 "faults": [ {"service": "kitchen", "kind": "down", "forMs": 5} }
                }
                """;
        assertProblem(json, "", 2, 65, "found '}' but the list [...] that starts at line 2, column 12 must be closed with ']'");
    }

    @Test
    void aCommentIsNotAllowed() {
        String json = """
                {"name": "x", // my flow
                 "seed": 1}
                """;
        assertProblem(json, "", 1, 15, "found '/', but JSON does not allow comments");
    }

    @Test
    void aStringLeftOpenAtTheEndOfALineIsAnError() {
        String json = """
                {"name": "x,
                 "seed": 1}
                """;
        assertProblem(json, "", 1, 13, "a line break or control character inside a \"string\" (is a closing quote missing?)");
    }

    @Test
    void aStringLeftOpenAtTheEndOfTheFileIsAnError() {
        assertProblem("{\"name\": \"x", "", 1, 12, "the file ends inside a \"string\" (is a closing quote missing?)");
    }

    @Test
    void aNumberWithALeadingZeroIsNotJson() {
        assertProblem("{\"name\": \"x\", \"seed\": 042}", "", 1, 24, "not a valid JSON number");
    }

    @Test
    void aNumberEndingInAPointIsNotJson() {
        assertProblem("{\"name\": \"x\", \"seed\": 4.}", "", 1, 24, "not a valid JSON number (unexpected '}')");
    }

    @Test
    void anUnknownBackslashEscapeIsAnError() {
        assertProblem("{\"name\": \"C:\\data\"}", "", 1, 14,
                "an unknown escape after a backslash inside a \"string\" (write \\\\ for a backslash)");
    }

    @Test
    void aMissingColonIsAnError() {
        assertAt("{\"name\" \"x\"}", "\"x\"", "", "expected ':' after the field name but found '\"'");
    }

    @Test
    void aTrailingCommaInAListIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"forMs\": 1},]}";
        assertAt(json, "]}", "", "expected a value (a number, a \"string\", true, false, null, an object {...} or a list [...])"
                + " but found ']' (is there a comma after the last item?)");
    }

    @Test
    void aNumberBeyondWhatCanBeReadIsAnErrorAtItsField() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"errorRate\": 1e-99999999999}}}";
        assertAt(json, "1e-", "services.kitchen.errorRate", "the number 1e-99999999999 is too large or too small to read");
    }

    @Test
    void aNumberTooLargeForADurationIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": 1e400}}}";
        assertAt(json, "1e400", "services.kitchen.workMs", "the number 1e400 is too large");
    }

    @Test
    void aFieldNameAsLongAsTheLargestFileIsRefusedWithoutTryingToMatchIt() {
        // the did-you-mean's distance table for a 4 MB name would take gigabytes
        String key = "k".repeat((int) FlowLoader.MAX_FILE_BYTES - 100);
        FlowException e = error("{\"name\": \"a\", \"" + key + "\": 1}", SOURCE);
        assertEquals(15, e.column());
        assertTrue(e.problem().startsWith("unknown field \"kkk"), e.problem());
    }

    @Test
    void aNumberWithThousandsOfDigitsIsRefusedWhereItStarts() {
        String json = "{\"name\": \"x\", \"seed\": " + "9".repeat(2000) + "}";
        assertAt(json, "999", "seed", "a number with too many digits (2000 characters; at most 1000)");
    }

    @Test
    void absurdlyDeepNestingIsRefusedWithoutCrashing() {
        FlowException e = error("{\"name\": \"x\", \"orders\": " + "[".repeat(5000) + "]".repeat(5000) + "}", SOURCE);
        assertEquals("the JSON is nested too deeply for a flow file", e.problem());
        assertTrue(e.hasPosition());
    }

    @Test
    void aControlCharacterBetweenTokensIsAnError() {
        FlowException e = error("{\"name\": \"x\",\u0001 \"seed\": 1}", SOURCE);
        assertEquals("a control character where JSON allows only spaces, tabs and line breaks", e.problem());
        assertEquals(1, e.line());
    }

    @Test
    void textAfterTheFlowObjectIsAnError() {
        assertProblem("{\"name\": \"x\"}\n{\"name\": \"y\"}", "", 2, 1,
                "more text after the end of the JSON value; a flow file holds exactly one object {...}");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertProblem("", "", 1, 1, "the file is empty; a flow needs at least {\"name\": \"...\"}");
        assertProblem("  \n\t\n", "", 1, 1, "the file is empty; a flow needs at least {\"name\": \"...\"}");
    }

    @Test
    void aFileHoldingSomethingOtherThanAnObjectIsAnError() {
        assertProblem("[{\"name\": \"x\"}]", "", 1, 1, "a flow file holds one object {...} but this one holds a list [...]");
    }

    // ---- the top level ----

    @Test
    void theNameIsRequired() {
        String json = """
                {
                  "description": "no name",
                  "seed": 3
                }
                """;
        assertProblem(json, "name", 1, 1, "missing required field \"name\", e.g. \"name\": \"My flow\"");
    }

    @Test
    void theNameMustNotBeEmpty() {
        String json = "{\"name\": \"  \"}";
        assertAt(json, "\"  \"", "name", "must not be empty");
    }

    @Test
    void aFieldGivenTwiceIsAnError() {
        String json = """
                {"name": "x",
                 "seed": 1,
                 "seed": 2}
                """;
        assertProblem(json, "seed", 3, 2, "\"seed\" is given twice (first at line 2, column 2)");
    }

    // ---- unknown names with did-you-mean ----

    @Test
    void aMistypedFieldSuggestsTheRightOneAndListsTheAllowedNames() {
        String json = """
                {"name": "x",
                 "services": {"kitchen": {"wrokers": 2}}}
                """;
        assertAt(json, "\"wrokers\"", "services.kitchen.wrokers",
                "unknown field \"wrokers\"; did you mean \"workers\"? (allowed: workers, workMs, errorRate, slowdown, instances,"
                        + " poisonRate, idempotent)");
    }

    @Test
    void anUnknownFieldWithNothingCloseListsTheAllowedNames() {
        String json = "{\"name\": \"x\", \"orders\": {\"rate\": 3}}";
        assertAt(json, "\"rate\"", "orders.rate", "unknown field \"rate\" (allowed: count, interarrivalMs)");
    }

    @Test
    void aSettingOfAnotherServiceSaysWhereItBelongs() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"agents\": 3}}}";
        assertAt(json, "\"agents\"", "services.kitchen.agents",
                "agents is a setting of delivery only, not of kitchen (allowed here: workers, workMs, errorRate, slowdown, instances,"
                        + " poisonRate, idempotent)");
    }

    @Test
    void anUnknownServiceSuggestsTheRightOne() {
        String json = """
                {"name": "x",
                 "services": {
                   "kichen": {"workers": 2}}}
                """;
        assertAt(json, "\"kichen\"", "services.kichen",
                "unknown service \"kichen\"; did you mean \"kitchen\"? (allowed: order, inventory, kitchen, delivery)");
    }

    @Test
    void anUnknownLinkSuggestsTheRightOne() {
        String json = """
                {"name": "x",
                 "links": {
                   "order-kitchen": {"style": "queue"}}}
                """;
        assertAt(json, "\"order-kitchen\"", "links[\"order-kitchen\"]",
                "unknown link \"order-kitchen\"; did you mean \"order->kitchen\"? (allowed: order->inventory, order->kitchen, kitchen->delivery)");
    }

    // ---- wrong types ----

    @Test
    void aStringWhereANumberIsExpectedIsAWrongType() {
        String json = """
                {"name": "x",
                 "links": {"order->inventory": {"lossRate": "5%"}}}
                """;
        assertAt(json, "\"5%\"", "links[\"order->inventory\"].lossRate", "expected a number but found the string \"5%\"");
    }

    @Test
    void aStringWhereAWholeNumberIsExpectedIsAWrongType() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": \"four\"}}}";
        assertAt(json, "\"four\"", "services.kitchen.workers", "expected a whole number but found the string \"four\"");
    }

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsAnError() {
        String json = "{\"name\": \"x\", \"orders\": {\"count\": 12.5}}";
        assertAt(json, "12.5", "orders.count", "must be a whole number but was 12.5");
    }

    @Test
    void aWholeNumberTooLargeForItsFieldIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"delivery\": {\"agents\": 3000000000}}}";
        assertAt(json, "3000000000", "services.delivery.agents", "must be at most 2147483647 but was 3000000000");
    }

    @Test
    void anObjectWhereAStringIsExpectedIsAWrongType() {
        String json = "{\"name\": {\"en\": \"x\"}}";
        assertAt(json, "{\"en\"", "name", "expected a string in double quotes but found an object {...}");
    }

    @Test
    void nullSaysToLeaveTheFieldOutForItsDefault() {
        String json = "{\"name\": \"x\", \"seed\": null}";
        assertAt(json, "null", "seed", "expected a whole number but found null; leave the field out to use its default");
    }

    @Test
    void aServiceThatIsNotAnObjectIsAWrongType() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": 2}}";
        assertAt(json, "2}", "services.kitchen", "expected an object {...} but found the number 2");
    }

    @Test
    void faultsThatAreNotAListAreAWrongType() {
        String json = "{\"name\": \"x\", \"faults\": {\"service\": \"kitchen\"}}";
        assertAt(json, "{\"service\"", "faults", "expected a list [...] but found an object {...}");
    }

    // ---- ranges the records enforce ----

    @Test
    void aNegativeWorkerCountIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"order\": {\"workers\": -1}}}";
        assertAt(json, "-1", "services.order.workers", "must be >= 1 but was -1"
                + " (a service without workers never finishes an order; to stop a service, give it a down fault)");
    }

    @Test
    void anErrorRateAboveOneIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"inventory\": {\"errorRate\": 2}}}";
        assertAt(json, "2}", "services.inventory.errorRate", "must be between 0 and 1 but was 2");
    }

    @Test
    void aNegativeStockOutRateIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"inventory\": {\"stockOutRate\": -0.05}}}";
        assertAt(json, "-0.05", "services.inventory.stockOutRate", "must be between 0 and 1 but was -0.05");
    }

    @Test
    void aLossRateAboveOneIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"lossRate\": 1.5}}}";
        assertAt(json, "1.5", "links[\"kitchen->delivery\"].lossRate", "must be between 0 and 1 but was 1.5");
    }

    @Test
    void aZeroTimeoutIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"timeoutMs\": 0}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].timeoutMs", "must be a finite number > 0 but was 0");
    }

    @Test
    void aZeroSlowdownIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"slowdown\": 0}}}";
        assertAt(json, "0}", "services.kitchen.slowdown", "must be 0.1 to 100 but was 0");
    }

    @Test
    void aNegativeOrderCountIsAnError() {
        String json = "{\"name\": \"x\", \"orders\": {\"count\": -5}}";
        assertAt(json, "-5", "orders.count", "order count must be >= 0 but was -5");
    }

    @Test
    void aQueueCapacityBelowOneIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"capacity\": 0}}}";
        assertAt(json, "0}", "links[\"order->kitchen\"].capacity", "must be >= 1 but was 0");
    }

    @Test
    void aCapacityOnALinkThatCanNeverQueueIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"capacity\": 10}}}";
        assertAt(json, "\"capacity\"", "links[\"order->inventory\"].capacity",
                "capacity is a setting of order->kitchen and kitchen->delivery only, not of order->inventory"
                        + " (allowed here: style, latencyMs, lossRate, timeoutMs, retry, circuitBreaker, bulkhead, fallback)");
    }

    // ---- link styles ----

    @Test
    void theStockCheckCanOnlyBeSync() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"style\": \"queue\"}}}";
        assertAt(json, "\"queue\"", "links[\"order->inventory\"].style", "order->inventory can only be sync, not queue");
    }

    @Test
    void theKitchenLinkCannotBeAnEvent() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"style\": \"event\"}}}";
        assertAt(json, "\"event\"", "links[\"order->kitchen\"].style", "order->kitchen can be queue or sync, not event");
    }

    @Test
    void theDeliveryLinkCannotBeAQueue() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"style\": \"queue\"}}}";
        assertAt(json, "\"queue\"", "links[\"kitchen->delivery\"].style", "kitchen->delivery can be event or sync, not queue");
    }

    @Test
    void anUnknownStyleSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"style\": \"Queue\"}}}";
        assertAt(json, "\"Queue\"", "links[\"order->kitchen\"].style",
                "unknown link style \"Queue\"; did you mean \"queue\"? (allowed: sync, queue, event)");
    }

    // ---- distributions ----

    @Test
    void anUnknownDistributionKindSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"exponentail\": 500}}}}";
        assertAt(json, "\"exponentail\"", "services.kitchen.workMs.exponentail",
                "unknown distribution kind \"exponentail\"; did you mean \"exponential\"? (allowed: fixed, exponential, uniform, normal)");
    }

    @Test
    void aUniformWhoseMaximumIsBelowItsMinimumIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [900, 300]}}}}";
        assertAt(json, "[900", "services.kitchen.workMs.uniform", "uniform maximum 300 is below its minimum 900");
    }

    @Test
    void aUniformWithThreeNumbersIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [1, 2, 3]}}}}";
        assertAt(json, "[1", "services.kitchen.workMs.uniform", "uniform takes two numbers [min, max] but this list has 3");
    }

    @Test
    void aNormalWithOneNumberIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"latencyMs\": {\"normal\": 500}}}}";
        assertAt(json, "500", "links[\"order->kitchen\"].latencyMs.normal",
                "normal takes a list [mean, sd] in ms but found the number 500");
    }

    @Test
    void anExponentialWithAListIsAnError() {
        String json = "{\"name\": \"x\", \"orders\": {\"interarrivalMs\": {\"exponential\": [400]}}}";
        assertAt(json, "[400]", "orders.interarrivalMs.exponential",
                "exponential takes its mean in ms, e.g. {\"exponential\": 400}, but found a list [...]");
    }

    @Test
    void aNegativeFixedDurationIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"delivery\": {\"tripMs\": -20}}}";
        assertAt(json, "-20", "services.delivery.tripMs", "fixed value must be a finite number >= 0 but was -20");
    }

    @Test
    void aNonNumberInsideAUniformIsPlacedAtTheItem() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"uniform\": [300, \"900\"]}}}}";
        assertAt(json, "\"900\"", "services.kitchen.workMs.uniform[1]", "expected a number but found the string \"900\"");
    }

    @Test
    void aDistributionWithTwoKindsIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"fixed\": 5, \"uniform\": [1, 2]}}}}";
        assertAt(json, "\"uniform\"", "services.kitchen.workMs",
                "a distribution has exactly one kind but this one has \"fixed\" and \"uniform\"");
    }

    @Test
    void anEmptyDistributionIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {}}}}";
        assertAt(json, "{}", "services.kitchen.workMs", "a distribution needs a kind: a number of ms, {\"fixed\": x},"
                + " {\"exponential\": mean}, {\"uniform\": [min, max]} or {\"normal\": [mean, sd]}");
    }

    // ---- faults ----

    @Test
    void aFaultNamingBothAServiceAndALinkIsAnError() {
        String json = """
                {"name": "x", "faults": [
                  {"service": "kitchen", "kind": "down", "forMs": 5},
                  {"service": "kitchen", "link": "order->kitchen", "kind": "loss", "forMs": 5, "rate": 0.1}]}
                """;
        assertProblem(json, "faults[1]", 3, 3, "a fault has one target but this one names both a service and a link");
    }

    @Test
    void aFaultNamingNeitherAServiceNorALinkIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"kind\": \"down\", \"forMs\": 5}]}";
        assertAt(json, "{\"kind\"", "faults[0]", "a fault needs a target: \"service\": \"kitchen\" (for down, slow, errors)"
                + " or \"link\": \"order->kitchen\" (for loss)");
    }

    @Test
    void aLinkFaultOnAServiceIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"loss\", \"forMs\": 5, \"rate\": 0.5}]}";
        assertAt(json, "\"loss\"", "faults[0].kind", "loss is a fault of a link; a service takes down, slow or errors");
    }

    @Test
    void aServiceFaultOnALinkIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"link\": \"order->kitchen\", \"kind\": \"down\", \"forMs\": 5}]}";
        assertAt(json, "\"down\"", "faults[0].kind", "down is a fault of a service (down, slow, errors); a link takes loss");
    }

    @Test
    void anUnknownFaultKindSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"error\", \"forMs\": 5}]}";
        assertAt(json, "\"error\"", "faults[0].kind",
                "unknown fault kind \"error\"; did you mean \"errors\"? (allowed: down, slow, errors, loss)");
    }

    @Test
    void aFaultOnAnUnknownServiceSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"delivry\", \"kind\": \"down\", \"forMs\": 5}]}";
        assertAt(json, "\"delivry\"", "faults[0].service",
                "unknown service \"delivry\"; did you mean \"delivery\"? (allowed: order, inventory, kitchen, delivery)");
    }

    @Test
    void aSlowFaultNeedsAFactor() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"slow\", \"forMs\": 5}]}";
        assertAt(json, "{\"service\"", "faults[0].factor", "missing required field \"factor\", e.g. \"factor\": 3");
    }

    @Test
    void anErrorsFaultTakesARateNotAFactor() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"errors\", \"forMs\": 5, \"factor\": 2}]}";
        assertAt(json, "2}", "faults[0].factor", "errors takes rate, not factor");
    }

    @Test
    void aDownFaultTakesNeitherFactorNorRate() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"forMs\": 5, \"rate\": 1}]}";
        assertAt(json, "1}", "faults[0].rate", "down takes neither factor nor rate");
    }

    @Test
    void aLossFaultRateAboveOneIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"link\": \"order->kitchen\", \"kind\": \"loss\", \"forMs\": 5, \"rate\": 30}]}";
        assertAt(json, "30}", "faults[0].rate", "must be between 0 and 1 but was 30");
    }

    @Test
    void aSlowFactorOfZeroIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"slow\", \"forMs\": 5, \"factor\": 0}]}";
        assertAt(json, "0}", "faults[0].factor", "must be 0.1 to 100 but was 0");
    }

    @Test
    void aFaultNeedsADuration() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"atMs\": 5}]}";
        assertAt(json, "{\"service\"", "faults[0].forMs", "missing required field \"forMs\", e.g. \"forMs\": 5000");
    }

    @Test
    void aFaultStartingBeforeTimeZeroIsAnError() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"atMs\": -10, \"forMs\": 5}]}";
        assertAt(json, "-10", "faults[0].atMs", "must be a finite number >= 0 but was -10");
    }

    // ---- retries, circuit breaker, bulkhead, fallback (sync links) ----

    @Test
    void aMistypedRetryFieldSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttemps\": 3}}}}";
        assertAt(json, "\"maxAttemps\"", "links[\"order->inventory\"].retry.maxAttemps",
                "unknown field \"maxAttemps\"; did you mean \"maxAttempts\"? (allowed: maxAttempts, baseDelayMs, multiplier, jitter)");
    }

    @Test
    void retryMustBeAnObject() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": 3}}}";
        assertAt(json, "3}", "links[\"order->inventory\"].retry", "expected an object {...} but found the number 3");
    }

    @Test
    void zeroAttemptsIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttempts\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].retry.maxAttempts", "must be 1 to 20 but was 0");
    }

    @Test
    void aFractionOfAnAttemptIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"retry\": {\"maxAttempts\": 2.5}}}}";
        assertAt(json, "2.5", "links[\"order->kitchen\"].retry.maxAttempts", "must be a whole number but was 2.5");
    }

    @Test
    void aBackoffMultiplierBelowOneIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttempts\": 3, \"multiplier\": 0.5}}}}";
        assertAt(json, "0.5", "links[\"order->inventory\"].retry.multiplier", "must be 1 to 10 but was 0.5");
    }

    @Test
    void aJitterAboveOneIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttempts\": 3, \"jitter\": 1.5}}}}";
        assertAt(json, "1.5", "links[\"order->inventory\"].retry.jitter", "must be between 0 and 1 but was 1.5");
    }

    @Test
    void aNegativeBaseDelayIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"retry\": {\"baseDelayMs\": -100}}}}";
        assertAt(json, "-100", "links[\"kitchen->delivery\"].retry.baseDelayMs", "must be a finite number >= 0 but was -100");
    }

    @Test
    void aShortenedBreakerFieldNameSuggestsTheFullOne() {
        String json = """
                {"name": "x",
                 "links": {"order->inventory": {"circuitBreaker": {"threshold": 0.5}}}}
                """;
        assertAt(json, "\"threshold\"", "links[\"order->inventory\"].circuitBreaker.threshold",
                "unknown field \"threshold\"; did you mean \"failureRateThreshold\"? (allowed: failureRateThreshold, windowSize,"
                        + " minimumCalls, openMs, halfOpenCalls)");
    }

    @Test
    void aMisspelledCircuitBreakerSuggestsTheRightField() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitbreaker\": {}}}}";
        assertAt(json, "\"circuitbreaker\"", "links[\"order->inventory\"].circuitbreaker",
                "unknown field \"circuitbreaker\"; did you mean \"circuitBreaker\"? (allowed: style, latencyMs, lossRate,"
                        + " timeoutMs, retry, circuitBreaker, bulkhead, fallback)");
    }

    @Test
    void aFailureRateThresholdOfZeroIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"failureRateThreshold\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].circuitBreaker.failureRateThreshold",
                "must be above 0 and at most 1 but was 0");
    }

    @Test
    void moreMinimumCallsThanTheWindowHoldsIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"minimumCalls\": 12}}}}";
        assertAt(json, "12", "links[\"order->inventory\"].circuitBreaker.minimumCalls", "must be 1 to windowSize (10) but was 12");
    }

    @Test
    void aWindowSmallerThanTheDefaultMinimumCallsAsksForMinimumCallsToo() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"windowSize\": 3}}}}";
        assertAt(json, "3}", "links[\"order->inventory\"].circuitBreaker.windowSize",
                "a window of 3 calls is smaller than the default minimumCalls (5); give \"minimumCalls\" of at most 3 too");
    }

    @Test
    void aZeroOpenDurationIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"openMs\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].circuitBreaker.openMs", "must be a finite number > 0 but was 0");
    }

    @Test
    void zeroHalfOpenTrialCallsIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"halfOpenCalls\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].circuitBreaker.halfOpenCalls", "must be 1 to 100 but was 0");
    }

    @Test
    void aBulkheadNeedsItsSize() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"policy\": \"wait\"}}}}";
        assertAt(json, "{\"policy\"", "links[\"order->inventory\"].bulkhead.maxConcurrent",
                "missing required field \"maxConcurrent\", e.g. \"maxConcurrent\": 2");
    }

    @Test
    void aBulkheadOfNoPlacesIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].bulkhead.maxConcurrent", "must be 1 to 1000 but was 0");
    }

    @Test
    void anUnknownBulkheadPolicySuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 2, \"policy\": \"wiat\"}}}}";
        assertAt(json, "\"wiat\"", "links[\"order->inventory\"].bulkhead.policy",
                "unknown bulkhead policy \"wiat\"; did you mean \"wait\"? (allowed: reject, wait)");
    }

    @Test
    void aWaitingBulkheadNeedsToSayHowLongACallMayWait() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 2, \"policy\": \"wait\"}}}}";
        assertAt(json, "{\"maxConcurrent\"", "links[\"order->inventory\"].bulkhead.maxWaitMs",
                "missing field \"maxWaitMs\", needed with \"policy\": \"wait\", e.g. \"maxWaitMs\": 500");
    }

    @Test
    void aWaitingBulkheadThatWaitsNoTimeIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 2, \"policy\": \"wait\","
                + " \"maxWaitMs\": 0}}}}";
        assertAt(json, "0}", "links[\"order->inventory\"].bulkhead.maxWaitMs",
                "must be > 0 with \"policy\": \"wait\" (a wait of 0 ms refuses at once, as \"reject\" does)");
    }

    @Test
    void aNegativeBulkheadWaitIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 2, \"policy\": \"wait\","
                + " \"maxWaitMs\": -5}}}}";
        assertAt(json, "-5", "links[\"order->inventory\"].bulkhead.maxWaitMs", "must be a finite number >= 0 but was -5");
    }

    @Test
    void anUnknownFallbackSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"fallback\": \"accepted\"}}}";
        assertAt(json, "\"accepted\"", "links[\"order->inventory\"].fallback",
                "unknown fallback \"accepted\"; did you mean \"accept\"? (allowed: fail, reject, accept)");
    }

    @Test
    void aFallbackBelongsToTheStockCheckOnly() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"fallback\": \"accept\"}}}";
        assertAt(json, "\"fallback\"", "links[\"order->kitchen\"].fallback",
                "fallback is a setting of order->inventory only, not of order->kitchen (allowed here: style, latencyMs, lossRate,"
                        + " timeoutMs, retry, circuitBreaker, bulkhead, capacity, acks, maxDeliveries, ackTimeoutMs, overflow,"
                        + " messageTtlMs)");
    }

    // ---- acknowledgements, dead letters, overflow, TTL, durability (queue and event links) ----

    @Test
    void acksMustBeTrueOrFalse() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"acks\": \"yes\"}}}";
        assertAt(json, "\"yes\"", "links[\"order->kitchen\"].acks", "expected true or false but found the string \"yes\"");
    }

    @Test
    void acksBelongToTheBrokerLinksOnly() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"acks\": true}}}";
        assertAt(json, "\"acks\"", "links[\"order->inventory\"].acks",
                "acks is a setting of order->kitchen and kitchen->delivery only, not of order->inventory (allowed here: style,"
                        + " latencyMs, lossRate, timeoutMs, retry, circuitBreaker, bulkhead, fallback)");
    }

    @Test
    void zeroDeliveriesIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"acks\": true, \"maxDeliveries\": 0}}}";
        assertAt(json, "0}", "links[\"order->kitchen\"].maxDeliveries", "must be 1 to 1000 but was 0");
    }

    @Test
    void aZeroAckTimeoutIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"acks\": true, \"ackTimeoutMs\": 0}}}";
        assertAt(json, "0}", "links[\"kitchen->delivery\"].ackTimeoutMs", "must be a finite number > 0 but was 0");
    }

    @Test
    void anUnknownOverflowPolicySuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"capacity\": 10, \"overflow\": \"drop_oldest\"}}}";
        assertAt(json, "\"drop_oldest\"", "links[\"order->kitchen\"].overflow",
                "unknown overflow policy \"drop_oldest\"; did you mean \"drop-oldest\"? (allowed: reject, drop-oldest)");
    }

    @Test
    void aNegativeMessageTtlIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"messageTtlMs\": -1}}}";
        assertAt(json, "-1", "links[\"order->kitchen\"].messageTtlMs", "must be a finite number >= 0 (0 = none) but was -1");
    }

    @Test
    void durabilityBelongsToTheEventSubscriptionOnly() {
        String json = "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"durable\": false}}}";
        assertAt(json, "\"durable\"", "links[\"order->kitchen\"].durable",
                "durable is a setting of kitchen->delivery only, not of order->kitchen (allowed here: style, latencyMs, lossRate,"
                        + " timeoutMs, retry, circuitBreaker, bulkhead, capacity, acks, maxDeliveries, ackTimeoutMs, overflow,"
                        + " messageTtlMs)");
    }

    @Test
    void aMisspelledDurableSuggestsTheRightField() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"durabel\": false}}}";
        assertAt(json, "\"durabel\"", "links[\"kitchen->delivery\"].durabel",
                "unknown field \"durabel\"; did you mean \"durable\"? (allowed: style, latencyMs, lossRate, timeoutMs, retry,"
                        + " circuitBreaker, bulkhead, capacity, acks, maxDeliveries, ackTimeoutMs, overflow, messageTtlMs, durable)");
    }

    @Test
    void anEventSubscriptionCapacityBelowOneIsAnError() {
        String json = "{\"name\": \"x\", \"links\": {\"kitchen->delivery\": {\"capacity\": 0}}}";
        assertAt(json, "0}", "links[\"kitchen->delivery\"].capacity", "must be >= 1 but was 0");
    }

    // ---- poison messages and idempotent consumers (services) ----

    @Test
    void aPoisonRateAboveOneIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"poisonRate\": 1.5}}}";
        assertAt(json, "1.5", "services.kitchen.poisonRate", "must be between 0 and 1 but was 1.5");
    }

    @Test
    void aPoisonRateBelongsToTheMessageConsumersOnly() {
        String json = "{\"name\": \"x\", \"services\": {\"inventory\": {\"poisonRate\": 0.05}}}";
        assertAt(json, "\"poisonRate\"", "services.inventory.poisonRate",
                "poisonRate is a setting of kitchen and delivery only, not of inventory (allowed here: workers, workMs, errorRate,"
                        + " slowdown, instances, stockOutRate)");
    }

    @Test
    void idempotentWrittenAsAStringIsAWrongType() {
        String json = "{\"name\": \"x\", \"services\": {\"delivery\": {\"idempotent\": \"true\"}}}";
        assertAt(json, "\"true\"", "services.delivery.idempotent", "expected true or false but found the string \"true\"");
    }

    @Test
    void idempotentNullSaysToLeaveItOut() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"idempotent\": null}}}";
        assertAt(json, "null", "services.kitchen.idempotent",
                "expected true or false but found null; leave the field out to use its default");
    }

    @Test
    void anIdempotentOrderServiceIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"order\": {\"idempotent\": true}}}";
        assertAt(json, "\"idempotent\"", "services.order.idempotent",
                "idempotent is a setting of kitchen and delivery only, not of order (allowed here: workers, workMs, errorRate,"
                        + " slowdown, instances)");
    }

    // ---- instances and service discovery ----

    @Test
    void moreThanFiveInstancesIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"inventory\": {\"instances\": 6}}}";
        assertAt(json, "6}", "services.inventory.instances", "must be 1 to 5 but was 6");
    }

    @Test
    void zeroInstancesIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"instances\": 0}}}";
        assertAt(json, "0}", "services.kitchen.instances", "must be 1 to 5 but was 0");
    }

    @Test
    void aFractionOfAnInstanceIsAnError() {
        String json = "{\"name\": \"x\", \"services\": {\"order\": {\"instances\": 2.5}}}";
        assertAt(json, "2.5", "services.order.instances", "must be a whole number but was 2.5");
    }

    @Test
    void instanceWrittenOnAServiceSuggestsInstances() {
        String json = "{\"name\": \"x\", \"services\": {\"inventory\": {\"instance\": 3}}}";
        assertAt(json, "\"instance\"", "services.inventory.instance",
                "unknown field \"instance\"; did you mean \"instances\"? (allowed: workers, workMs, errorRate, slowdown, instances,"
                        + " stockOutRate)");
    }

    @Test
    void instancesWrittenAtTheTopLevelSaysWhereItBelongs() {
        String json = "{\"name\": \"x\", \"instances\": 3}";
        assertAt(json, "\"instances\"", "instances",
                "instances is a setting of each service, e.g. \"services\": {\"inventory\": {\"instances\": 3}} (allowed here:"
                        + " name, description, seed, orders, services, links, faults, discovery, beats, script)");
    }

    @Test
    void aRegistryFieldWrittenAtTheTopLevelSaysItBelongsInDiscovery() {
        String json = "{\"name\": \"x\",\n \"cacheTtlMs\": 500}";
        assertAt(json, "\"cacheTtlMs\"", "cacheTtlMs",
                "cacheTtlMs is a setting of \"discovery\": {\"cacheTtlMs\": ...}, not of the flow itself (allowed here: name,"
                        + " description, seed, orders, services, links, faults, discovery, beats, script)");
    }

    @Test
    void aRegistryObjectIsCalledDiscovery() {
        String json = "{\"name\": \"x\", \"registry\": {}}";
        assertAt(json, "\"registry\"", "registry",
                "the service registry is switched on by \"discovery\": {...} (allowed here: name, description, seed, orders,"
                        + " services, links, faults, discovery, beats, script)");
    }

    @Test
    void discoveryMustBeAnObject() {
        String json = "{\"name\": \"x\", \"discovery\": true}";
        assertAt(json, "true", "discovery", "expected an object {...} but found true");
    }

    @Test
    void discoveryNullSaysToLeaveItOut() {
        String json = "{\"name\": \"x\", \"discovery\": null}";
        assertAt(json, "null", "discovery", "expected an object {...} but found null; leave the field out to use its default");
    }

    @Test
    void aMistypedDiscoveryFieldSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"discovery\": {\"heartbeatInterval\": 500}}";
        assertAt(json, "\"heartbeatInterval\"", "discovery.heartbeatInterval",
                "unknown field \"heartbeatInterval\"; did you mean \"heartbeatIntervalMs\"? (allowed: heartbeatIntervalMs,"
                        + " missedHeartbeats, cacheTtlMs, balancing)");
    }

    @Test
    void aDiscoveryFieldInTheWrongCaseSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"discovery\": {\"cacheTTLMs\": 500}}";
        assertAt(json, "\"cacheTTLMs\"", "discovery.cacheTTLMs",
                "unknown field \"cacheTTLMs\"; did you mean \"cacheTtlMs\"? (allowed: heartbeatIntervalMs, missedHeartbeats,"
                        + " cacheTtlMs, balancing)");
    }

    @Test
    void aHeartbeatIntervalBelowTenMillisecondsIsAnError() {
        String json = "{\"name\": \"x\", \"discovery\": {\"heartbeatIntervalMs\": 5}}";
        assertAt(json, "5}", "discovery.heartbeatIntervalMs", "must be 10 to 600000 but was 5");
    }

    @Test
    void aHeartbeatIntervalWrittenAsAStringIsAWrongType() {
        String json = "{\"name\": \"x\", \"discovery\": {\"heartbeatIntervalMs\": \"1s\"}}";
        assertAt(json, "\"1s\"", "discovery.heartbeatIntervalMs", "expected a number but found the string \"1s\"");
    }

    @Test
    void zeroMissedHeartbeatsIsAnError() {
        String json = "{\"name\": \"x\", \"discovery\": {\"missedHeartbeats\": 0}}";
        assertAt(json, "0}", "discovery.missedHeartbeats", "must be 1 to 100 but was 0");
    }

    @Test
    void aFractionOfAMissedHeartbeatIsAnError() {
        String json = "{\"name\": \"x\", \"discovery\": {\"missedHeartbeats\": 1.5}}";
        assertAt(json, "1.5", "discovery.missedHeartbeats", "must be a whole number but was 1.5");
    }

    @Test
    void aNegativeCacheTtlIsAnError() {
        String json = "{\"name\": \"x\", \"discovery\": {\"cacheTtlMs\": -1}}";
        assertAt(json, "-1", "discovery.cacheTtlMs", "must be a finite number >= 0 but was -1");
    }

    @Test
    void anUnknownBalancingSuggestsTheRightOne() {
        String json = "{\"name\": \"x\", \"discovery\": {\"balancing\": \"round_robin\"}}";
        assertAt(json, "\"round_robin\"", "discovery.balancing",
                "unknown balancing \"round_robin\"; did you mean \"round-robin\"? (allowed: round-robin, least-busy)");
    }

    @Test
    void aBalancingNameFarFromEveryOneListsTheAllowedOnes() {
        String json = "{\"name\": \"x\", \"discovery\": {\"balancing\": \"random\"}}";
        assertAt(json, "\"random\"", "discovery.balancing", "unknown balancing \"random\" (allowed: round-robin, least-busy)");
    }

    @Test
    void aFaultInstanceBeyondTheInstancesTheServiceRunsIsAnError() {
        String json = """
                {"name": "x",
                 "services": {"inventory": {"instances": 3}},
                 "faults": [{"service": "inventory", "kind": "down", "instance": 4, "forMs": 5}]}
                """;
        assertAt(json, "4, ", "faults[0].instance", "must be 1 to 3 but was 4; inventory runs 3 instances (services.inventory.instances)");
    }

    @Test
    void aFaultInstanceOfASingleInstanceServiceSaysHowToRunMore() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"instance\": 2, \"forMs\": 5}]}";
        assertAt(json, "2, ", "faults[0].instance",
                "must be 1 but was 2; kitchen runs 1 instance (give services.kitchen.instances to run more)");
    }

    @Test
    void aFaultInstanceOfZeroSaysInstancesCountFromOne() {
        String json = """
                {"name": "x",
                 "services": {"inventory": {"instances": 3}},
                 "faults": [{"service": "inventory", "kind": "down", "instance": 0, "forMs": 5}]}
                """;
        assertAt(json, "0, ", "faults[0].instance", "must be 1 to 3 but was 0; instances are numbered from 1");
    }

    @Test
    void aFaultInstanceWrittenAsAStringIsAWrongType() {
        String json = """
                {"name": "x",
                 "services": {"inventory": {"instances": 3}},
                 "faults": [{"service": "inventory", "kind": "down", "instance": "2", "forMs": 5}]}
                """;
        assertAt(json, "\"2\"", "faults[0].instance", "expected a whole number but found the string \"2\"");
    }

    @Test
    void onlyADownFaultCanNameAnInstance() {
        String json = """
                {"name": "x",
                 "services": {"inventory": {"instances": 3}},
                 "faults": [{"service": "inventory", "kind": "slow", "factor": 3, "instance": 2, "forMs": 5}]}
                """;
        assertAt(json, "2, ", "faults[0].instance",
                "only a down fault can name an instance; a slow fault acts on every instance of inventory");
    }

    @Test
    void aLinkFaultHasNoInstance() {
        String json = "{\"name\": \"x\", \"faults\": [{\"link\": \"order->kitchen\", \"kind\": \"loss\", \"rate\": 0.5,"
                + " \"instance\": 1, \"forMs\": 5}]}";
        assertAt(json, "1, ", "faults[0].instance",
                "a link fault has no instance; \"instance\" picks one replica of a service in a down fault");
    }

    @Test
    void instancesWrittenOnAFaultSuggestsInstance() {
        String json = "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"instances\": 1, \"forMs\": 5}]}";
        assertAt(json, "\"instances\"", "faults[0].instances",
                "unknown field \"instances\"; did you mean \"instance\"? (allowed: service, link, kind, atMs, forMs, factor, rate,"
                        + " instance)");
    }

    // ---- files ----

    @Test
    void aFileThatDoesNotExistIsAnErrorWithoutAPosition(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertFalse(e.hasPosition());
        assertEquals("", e.fieldPath());
    }

    @Test
    void aFolderIsNotAFlowFile(@TempDir Path dir) {
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(dir));
        assertEquals(dir + ": is a folder, not a flow file", e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsAnError(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(latin1));
        assertEquals(latin1 + ": is not UTF-8 text; a flow file is JSON saved as UTF-8", e.getMessage());
    }

    @Test
    void anEmptyFileOnDiskIsAnError(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.load(empty));
        assertEquals(empty + ":1:1: the file is empty; a flow needs at least {\"name\": \"...\"}", e.getMessage());
    }

    // ---- helpers ----

    // ---- the ranges of time the model keeps exact (issue 8, items 8, 9, 15) ----

    private static final String LONGEST = "must be at most 1000000000 ms (about 11.6 days) but was ";

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> durationsPastTheLongest() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"services\": {\"inventory\": {\"workMs\": 1e308, \"slowdown\": 2}}}",
                        "1e308", "services.inventory.workMs", "fixed value " + LONGEST + "1e308"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"orders\": {\"count\": 2, \"interarrivalMs\": 1.7976931348623157e308}}",
                        "1.79", "orders.interarrivalMs", "fixed value " + LONGEST + "1.7976931348623157e308"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"orders\": {\"interarrivalMs\": {\"fixed\": 20000000000000000}}}",
                        "2000", "orders.interarrivalMs.fixed", "fixed value " + LONGEST + "20000000000000000"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"latencyMs\": {\"uniform\": [1, 2e9]}}}}",
                        "[1", "links[\"order->inventory\"].latencyMs.uniform", "uniform maximum " + LONGEST + "2e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"services\": {\"delivery\": {\"tripMs\": {\"normal\": [10, 1e10]}}}}",
                        "[10", "services.delivery.tripMs.normal", "normal standard deviation " + LONGEST + "1e10"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workMs\": {\"exponential\": 1e12}}}}",
                        "1e12", "services.kitchen.workMs.exponential", "exponential mean " + LONGEST + "1e12"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"timeoutMs\": 1e308}}}",
                        "1e308", "links[\"order->inventory\"].timeoutMs", LONGEST + "1e308"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"acks\": true, \"ackTimeoutMs\": 5e9}}}",
                        "5e9", "links[\"order->kitchen\"].ackTimeoutMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->kitchen\": {\"messageTtlMs\": 5e9}}}",
                        "5e9", "links[\"order->kitchen\"].messageTtlMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"circuitBreaker\": {\"openMs\": 5e9}}}}",
                        "5e9", "links[\"order->inventory\"].circuitBreaker.openMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"bulkhead\": {\"maxConcurrent\": 1,"
                                + " \"policy\": \"wait\", \"maxWaitMs\": 5e9}}}}",
                        "5e9", "links[\"order->inventory\"].bulkhead.maxWaitMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttempts\": 2,"
                                + " \"baseDelayMs\": 5e9}}}}",
                        "5e9", "links[\"order->inventory\"].retry.baseDelayMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"discovery\": {\"cacheTtlMs\": 5e9}}",
                        "5e9", "discovery.cacheTtlMs", LONGEST + "5e9"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\","
                                + " \"atMs\": 1.7976931348623157e308, \"forMs\": 1.7976931348623157e308}]}",
                        "1.79", "faults[0].atMs", LONGEST + "1.7976931348623157e308"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"down\", \"forMs\": 1e10}]}",
                        "1e10", "faults[0].forMs", LONGEST + "1e10"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("durationsPastTheLongest")
    void aDurationLongerThanTheLongestTheModelKeepsExactIsRefusedWhereItIsWritten(String json, String marker,
                                                                                    String fieldPath, String problem) {
        assertAt(json, marker, fieldPath, problem);
    }

    @Test
    void aRetryBackOffThatWouldGrowPastTheLongestDelayIsRefusedAtItsAttempts() {
        String json = "{\"name\": \"x\", \"links\": {\"order->inventory\": {\"retry\": {\"maxAttempts\": 20,"
                + " \"baseDelayMs\": 100, \"multiplier\": 10}}}}";
        assertAt(json, "20,", "links[\"order->inventory\"].retry.maxAttempts",
                "must be at most 9 with baseDelayMs 100 and multiplier 10 but was 20 (the last retry would wait"
                        + " 1.00e+20 ms; the longest delay is 1000000000 ms (about 11.6 days))");
    }

    @Test
    void aSlowdownOrSlowFaultFactorAboveAHundredIsRefused() {
        assertAt("{\"name\": \"x\", \"services\": {\"kitchen\": {\"slowdown\": 1e300}}}", "1e300",
                "services.kitchen.slowdown", "must be 0.1 to 100 but was 1e300");
        assertAt("{\"name\": \"x\", \"faults\": [{\"service\": \"kitchen\", \"kind\": \"slow\", \"forMs\": 5,"
                        + " \"factor\": 1000}]}", "1000", "faults[0].factor", "must be 0.1 to 100 but was 1000");
    }

    @Test
    void aServiceWithNoWorkersIsRefusedWithTheWayToStopAService() {
        String json = "{\"name\": \"x\", \"services\": {\"kitchen\": {\"workers\": 0}}}";
        assertAt(json, "0}", "services.kitchen.workers", "must be >= 1 but was 0"
                + " (a service without workers never finishes an order; to stop a service, give it a down fault)");
    }

    @Test
    void aDeliveryWithNoAgentsIsRefused() {
        String json = "{\"name\": \"x\", \"services\": {\"delivery\": {\"agents\": 0}}}";
        assertAt(json, "0}", "services.delivery.agents", "must be >= 1 but was 0 (leave agents out for no limit)");
    }

    // ---- positions inside the text and echoes on one short line (issue 8, item 14) ----

    @Test
    void nestingTooDeepPointsAtTheBracketThatGoesTooDeepOnItsLine() {
        String json = "{\n  \"name\": \"a\",\n  \"description\": " + "[".repeat(1100) + "]".repeat(1100) + "\n}\n";
        // the root object is depth 1, so the 1000th '[' is the first one too deep
        int column = "  \"description\": ".length() + 1000;
        assertProblem(json, "", 3, column, "the JSON is nested too deeply for a flow file");
    }

    @Test
    void aVeryLongUnknownFieldNameIsReportedAtItsQuoteAndShownShort() {
        String key = "k".repeat(60_000);
        String json = "{\"name\": \"a\", \"" + key + "\": 1}";
        String shown = "k".repeat(Echo.MAX_CHARS - 1) + "…";
        assertAt(json, "\"kkk", shown, "unknown field \"" + shown + "\" (allowed: name, description, seed, orders, services,"
                + " links, faults, discovery, beats, script)");
        assertTrue(error(json, SOURCE).getMessage().length() < 300);
    }

    @Test
    void aLineBreakInsideAnEchoedValueIsShownEscapedSoTheMessageStaysOneLine() {
        String json = "{\n  \"name\": \"a\",\n  \"faults\": [ { \"service\": \"kitchen\", \"kind\": \"dow\\n\", \"forMs\": 1 } ]\n}";
        assertAt(json, "\"dow", "faults[0].kind",
                "unknown fault kind \"dow\\n\"; did you mean \"down\"? (allowed: down, slow, errors, loss)");
    }

    @Test
    void aLongEchoedValueIsCutShortWithAnEllipsis() {
        String style = "s".repeat(10_000);
        String json = "{\"name\": \"a\", \"links\": {\"order->kitchen\": {\"style\": \"" + style + "\"}}}";
        FlowException e = error(json, SOURCE);
        assertTrue(e.problem().startsWith("unknown link style \"" + "s".repeat(Echo.MAX_CHARS - 1) + "…\""), e.problem());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    private static FlowException error(String json, String source) {
        FlowException e = assertThrows(FlowException.class, () -> FlowLoader.parse(json, source));
        assertReadable(e);
        return e;
    }

    /** Asserts the error and that it points at the first occurrence of {@code marker} in the text. */
    private static void assertAt(String json, String marker, String fieldPath, String problem) {
        int offset = json.indexOf(marker);
        assertTrue(offset >= 0, "marker " + marker + " not in the test flow");
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        assertProblem(json, fieldPath, line, offset - lineStart + 1, problem);
    }

    private static void assertProblem(String json, String fieldPath, int line, int column, String problem) {
        FlowException e = error(json, SOURCE);
        assertEquals(problem, e.problem(), "problem");
        assertEquals(fieldPath, e.fieldPath(), "field path");
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), "line:column");
        String expected = SOURCE + ":" + line + ":" + column + ": " + (fieldPath.isEmpty() ? "" : fieldPath + ": ") + problem;
        assertEquals(expected, e.getMessage());
    }

    private static void assertReadable(FlowException e) {
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        assertFalse(message.contains("com.fasterxml"), message);
        assertFalse(message.contains("jackson"), message);
        assertFalse(message.contains("exception"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("code "), message);
    }
}
