package dev.switchboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.trace.Metrics;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.spans.ScriptedRuns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report as CSV: one row per figure of the JSON report, same names and same values. */
class ReportCsvTest {

    private static void leaves(String prefix, JsonNode node, List<String> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                    f.getValue(), rows));
        } else {
            rows.add(prefix + "," + (node.isNumber() ? node.toString() : node.asText()));
        }
    }

    @Test
    void everyFigureOfTheJsonReportIsOneRowWithItsDottedPath() throws Exception {
        Metrics metrics = new Metrics();
        ScriptedRuns.play(ScriptedRuns.hybrid(5, "queue", 0), metrics);
        Report report = metrics.report();
        List<String> expected = new ArrayList<>();
        expected.add("path,value");
        leaves("", new ObjectMapper().readTree(ReportJson.write(report)), expected);
        assertEquals(expected, ReportCsv.write(report).lines().toList());
        assertEquals(true, ReportCsv.write(report).contains("\nservices.delivery.agentWaitMs.p95,"));
    }

    @Test
    void aCellWithACommaOrAQuoteIsQuoted() {
        assertEquals("\"Hybrid, \"\"quoted\"\"\"", ReportCsv.cell("Hybrid, \"quoted\""));
        assertEquals("plain", ReportCsv.cell("plain"));
    }
}
