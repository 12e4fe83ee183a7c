package dev.switchboard.cli;

import dev.switchboard.compare.CompareFigure;
import dev.switchboard.compare.Comparison;
import dev.switchboard.compare.FigureTable;
import dev.switchboard.compare.Preset;
import dev.switchboard.compare.Presets;
import dev.switchboard.compare.Side;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.sweep.FlowVariants;
import dev.switchboard.trace.JsonText;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.ReportText;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code compare} command: the same flow and seed run twice to the end, each side with its
 * preset's and its own {@code --left} / {@code --right} overrides, on one virtual clock; prints both
 * reports (left first), the headline figures side by side with their differences, and the verdict.
 */
final class CompareCommand {
    private static final Set<String> OPTIONS = Set.of("preset", "orders", "seed", "format");
    /** Looking at the clock after every event would cost more than the progress line is worth. */
    private static final long EVENTS_BETWEEN_PROGRESS_CHECKS = 1 << 16;

    private final PrintStream out;
    private final PrintStream err;

    CompareCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> words) throws UsageException {
        Map<Side, List<FlowOverride>> extra = new EnumMap<>(Side.class);
        extra.put(Side.LEFT, new ArrayList<>());
        extra.put(Side.RIGHT, new ArrayList<>());
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Side side = null;
            String assignment = null;
            for (Side s : Side.values()) {
                String option = "--" + s.key();
                if (word.equals(option)) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException(option + " needs KEY=VALUE, e.g. " + option
                                + " 'links.order->kitchen.style=sync'");
                    }
                    side = s;
                    assignment = words.get(++i);
                } else if (word.startsWith(option + "=")) {
                    side = s;
                    assignment = word.substring(option.length() + 1);
                }
            }
            if (side == null) {
                rest.add(word);
                continue;
            }
            try {
                extra.get(side).add(FlowOverride.parse(assignment));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + side.key() + ": " + e.getMessage());
            }
        }
        Arguments arguments = Arguments.parse(rest, OPTIONS);
        if (arguments.positionals().size() != 1) {
            throw new UsageException(arguments.positionals().isEmpty() ? "compare needs a flow file"
                    : "compare takes one flow file, not " + arguments.positionals().size());
        }
        String format = arguments.text("format", "json");
        if (!format.equals("json") && !format.equals("text")) {
            throw new UsageException("--format is json or text, not \"" + format + "\"");
        }
        Preset preset;
        try {
            preset = Presets.require(arguments.text("preset", Presets.DEFAULT_NAME));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--preset: " + e.getMessage());
        }
        Integer orders = arguments.has("orders") ? (int) arguments.longValue("orders", 0, 0, Integer.MAX_VALUE) : null;
        Long seed = arguments.has("seed") ? arguments.longValue("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        String flowName = arguments.positionals().get(0);
        FlowVariants variants = overrides -> {
            var flow = FlowFiles.load(flowName, overrides);
            return seed == null ? flow : flow.withSeed(seed);
        };

        Comparison comparison;
        try {
            comparison = Comparison.load(variants, preset, extra.get(Side.LEFT), extra.get(Side.RIGHT), orders);
        } catch (FlowException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            throw new UsageException("the sides would not get the same customers: " + e.getMessage()
                    + "; --seed and --orders change both sides");
        }
        comparison.start();
        Progress progress = new Progress(err);
        long total = 2L * comparison.flow(Side.LEFT).orders().count();
        while (comparison.runSteps(EVENTS_BETWEEN_PROGRESS_CHECKS)) {
            progress.update(finished(comparison), total, comparison.nowMs());
        }
        progress.done(finished(comparison));
        Map<Side, List<FlowOverride>> overrides = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<FlowOverride> all = new ArrayList<>(preset.overrides(side));
            all.addAll(extra.get(side));
            overrides.put(side, all);
        }
        out.print(format.equals("json") ? json(comparison, preset, overrides) : text(comparison, preset));
        out.flush();
        return Main.EXIT_OK;
    }

    /** Orders finished on both sides together. */
    private static long finished(Comparison comparison) {
        return comparison.metrics(Side.LEFT).ordersFinished() + comparison.metrics(Side.RIGHT).ordersFinished();
    }

    static String json(Comparison comparison, Preset preset, Map<Side, List<FlowOverride>> overrides) {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("{\n  \"flow\": ");
        JsonText.appendString(sb, comparison.flow(Side.LEFT).name());
        sb.append(",\n  \"seed\": ").append(comparison.flow(Side.LEFT).seed());
        sb.append(",\n  \"orders\": ").append(comparison.flow(Side.LEFT).orders().count());
        sb.append(",\n  \"preset\": ");
        JsonText.appendString(sb, preset.name());
        for (Side side : Side.values()) {
            sb.append(",\n  \"").append(side.key()).append("\": {\n    \"label\": ");
            JsonText.appendString(sb, comparison.label(side));
            sb.append(",\n    \"overrides\": [");
            List<FlowOverride> list = overrides.get(side);
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                JsonText.appendString(sb, list.get(i).toString());
            }
            sb.append("],\n    \"report\": ");
            sb.append(ReportJson.write(comparison.report(side)).strip().replace("\n", "\n    "));
            sb.append("\n  }");
        }
        sb.append(",\n  \"differences\": {");
        FigureTable table = comparison.figures();
        boolean first = true;
        for (FigureTable.Row row : table.rows()) {
            sb.append(first ? "\n" : ",\n");
            first = false;
            int decimals = decimals(row.figure());
            sb.append("    \"").append(row.figure().key()).append("\": { \"left\": ");
            JsonText.appendNumber(sb, row.left(), decimals);
            sb.append(", \"right\": ");
            JsonText.appendNumber(sb, row.right(), decimals);
            sb.append(", \"difference\": ");
            JsonText.appendNumber(sb, row.difference(), decimals);
            sb.append(", \"aboutTheSame\": ").append(row.aboutTheSame()).append(" }");
        }
        sb.append("\n  },\n  \"verdict\": ");
        JsonText.appendString(sb, comparison.verdict());
        sb.append("\n}\n");
        return sb.toString();
    }

    private static int decimals(CompareFigure figure) {
        return switch (figure.kind()) {
            case TIME -> 3;
            case COUNT -> 0;
            case RATE -> 4;
        };
    }

    static String text(Comparison comparison, Preset preset) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append(String.format(Locale.ROOT, "Compare %s, preset %s, seed %d, %d orders%n%n", comparison.flow(Side.LEFT).name(),
                preset.name(), comparison.flow(Side.LEFT).seed(), comparison.flow(Side.LEFT).orders().count()));
        for (Side side : Side.values()) {
            sb.append("== ").append(side == Side.LEFT ? "Left" : "Right").append(": ").append(comparison.label(side))
                    .append(" ==\n");
            sb.append(ReportText.write(comparison.report(side))).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-45s %14s %14s %14s%n", "Side by side", "left", "right", "right - left"));
        for (FigureTable.Row row : comparison.figures().rows()) {
            String unit = switch (row.figure().kind()) {
                case TIME -> " (ms)";
                case COUNT -> "";
                case RATE -> " (/s)";
            };
            int decimals = row.figure().kind() == CompareFigure.Kind.COUNT ? 0 : row.figure().kind() == CompareFigure.Kind.RATE ? 3 : 1;
            String difference = (row.difference() > 0 ? "+" : "") + String.format(Locale.ROOT, "%." + decimals + "f", row.difference());
            sb.append(String.format(Locale.ROOT, "%-45s %14." + decimals + "f %14." + decimals + "f %14s%s%n",
                    row.figure().label() + unit, row.left(), row.right(), row.same() ? "0" : difference,
                    !row.same() && row.aboutTheSame() ? "  (about the same)" : ""));
        }
        sb.append('\n').append("Verdict: ").append(comparison.verdict()).append('\n');
        return sb.toString();
    }
}
