package dev.switchboard.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.ReportJson;

import java.util.Iterator;
import java.util.Map;

/**
 * The report as CSV, one row per figure: {@code path,value}, with the JSON report's field paths
 * joined by dots (e.g. {@code services.delivery.agentWaitMs.p95}) and its exact values. Derived
 * from {@link ReportJson}'s text, so the two can never disagree on names, order or rounding.
 */
public final class ReportCsv {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportCsv() {
    }

    public static String write(Report report) {
        JsonNode root;
        try {
            root = MAPPER.readTree(ReportJson.write(report));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the report's own JSON could not be read back", e);
        }
        StringBuilder out = new StringBuilder(8192);
        out.append("path,value\n");
        flatten(out, "", root);
        return out.toString();
    }

    private static void flatten(StringBuilder out, String prefix, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(out, prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue());
            }
            return;
        }
        out.append(cell(prefix)).append(',');
        out.append(node.isNumber() ? node.decimalValue().toPlainString() : cell(node.asText())).append('\n');
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
