package dev.switchboard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.FlowOverride;
import dev.switchboard.sweep.Estimate;
import dev.switchboard.sweep.Figure;
import dev.switchboard.sweep.FlowVariants;
import dev.switchboard.sweep.PointResult;
import dev.switchboard.sweep.Sweep;
import dev.switchboard.sweep.SweepAxis;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code sweep} command: a flow run at every combination of the {@code --vary} values, each
 * with {@code --seeds} seeds, on all cores, with a progress bar on stderr and per point the
 * headline figures with their 95 % confidence intervals (and the theory's value where it has one)
 * on stdout as JSON, CSV or a table.
 */
final class SweepCommand {
    static final int DEFAULT_SEEDS = 5;
    private static final Set<String> OPTIONS = Set.of("seeds", "orders", "format", "threads");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;

    SweepCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> words) throws UsageException {
        List<SweepAxis> axes = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String spec = null;
            if (word.equals("--vary")) {
                if (i + 1 >= words.size()) {
                    throw new UsageException("--vary needs PATH=VALUES, e.g. --vary services.kitchen.workers=1..6");
                }
                spec = words.get(++i);
            } else if (word.startsWith("--vary=")) {
                spec = word.substring("--vary=".length());
            }
            if (spec == null) {
                rest.add(word);
                continue;
            }
            try {
                axes.add(SweepAxis.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--vary: " + e.getMessage());
            }
        }
        Arguments arguments = Arguments.parse(rest, OPTIONS);
        if (arguments.positionals().size() != 1) {
            throw new UsageException(arguments.positionals().isEmpty() ? "sweep needs a flow file"
                    : "sweep takes one flow file, not " + arguments.positionals().size());
        }
        if (axes.isEmpty()) {
            throw new UsageException("sweep needs at least one --vary PATH=VALUES, e.g. --vary services.kitchen.workers=1..6");
        }
        String format = arguments.text("format", "json");
        if (!List.of("json", "csv", "text").contains(format)) {
            throw new UsageException("--format is json, csv or text, not \"" + format + "\"");
        }
        int seeds = (int) arguments.longValue("seeds", DEFAULT_SEEDS, 1, 10_000);
        Integer orders = arguments.has("orders") ? (int) arguments.longValue("orders", 0, 0, Integer.MAX_VALUE) : null;
        int threads = (int) arguments.longValue("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        String flowName = arguments.positionals().get(0);
        FlowVariants variants = overrides -> FlowFiles.load(flowName, overrides);

        Sweep sweep;
        try {
            sweep = new Sweep(variants, axes, seeds, orders);
        } catch (FlowException e) {
            err.println(e.getMessage());
            return Main.EXIT_USAGE;
        }
        ProgressBar bar = new ProgressBar(err);
        long start = System.nanoTime();
        List<PointResult> results;
        try {
            results = sweep.run(threads, bar::update);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("switchboard: the sweep was interrupted");
            return Main.EXIT_FAILED;
        }
        bar.finish((System.nanoTime() - start) / 1e9);
        out.print(switch (format) {
            case "csv" -> csv(sweep, results);
            case "text" -> text(sweep, results);
            default -> json(sweep, results);
        });
        out.flush();
        return Main.EXIT_OK;
    }

    static String json(Sweep sweep, List<PointResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("flow", sweep.points().get(0).flow().name());
        root.put("seeds", sweep.seeds());
        root.put("confidence", Estimate.CONFIDENCE);
        ArrayNode axes = root.putArray("axes");
        for (SweepAxis axis : sweep.axes()) {
            ObjectNode a = axes.addObject();
            a.put("path", axis.pathText());
            ArrayNode values = a.putArray("values");
            axis.values().forEach(v -> values.add(value(v)));
        }
        ArrayNode points = root.putArray("points");
        for (PointResult result : results) {
            ObjectNode p = points.addObject();
            ObjectNode values = p.putObject("values");
            for (int a = 0; a < sweep.axes().size(); a++) {
                values.set(sweep.axes().get(a).pathText(), value(result.point().values().get(a)));
            }
            p.put("orders", result.point().flow().orders().count());
            ObjectNode figures = p.putObject("figures");
            for (Figure figure : Figure.values()) {
                Estimate e = result.figure(figure);
                ObjectNode f = figures.putObject(figure.key());
                number(f, "mean", e.mean());
                number(f, "low", e.low());
                number(f, "high", e.high());
                number(f, "halfWidth", e.halfWidth());
                number(f, "standardDeviation", e.standardDeviation());
                result.theory(figure).ifPresent(t -> f.put("theory", t));
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sweep as JSON", e);
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** An axis value as JSON: a number stays a number, a bare word becomes a string. */
    private static JsonNode value(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static String csv(Sweep sweep, List<PointResult> results) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        sweep.axes().forEach(a -> header.add(a.pathText()));
        for (Figure figure : Figure.values()) {
            header.add(figure.key() + "_mean");
            header.add(figure.key() + "_low");
            header.add(figure.key() + "_high");
            header.add(figure.key() + "_theory");
        }
        line(sb, header);
        for (PointResult result : results) {
            List<String> cells = new ArrayList<>(result.point().values());
            for (Figure figure : Figure.values()) {
                Estimate e = result.figure(figure);
                cells.add(cell(e.mean()));
                cells.add(cell(e.low()));
                cells.add(cell(e.high()));
                cells.add(result.theory(figure).isPresent() ? cell(result.theory(figure).getAsDouble()) : "");
            }
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String cell = cells.get(i);
            sb.append(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        sb.append('\n');
    }

    private static String cell(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
    }

    static String text(Sweep sweep, List<PointResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Sweep of %s: %d point(s) x %d seed(s); mean ± 95%% confidence half-width%n",
                sweep.points().get(0).flow().name(), sweep.points().size(), sweep.seeds()));
        Figure[] shown = {Figure.ACCEPT_MEAN_MS, Figure.DELIVERY_MEAN_MS, Figure.THROUGHPUT_PER_S, Figure.KITCHEN_WAIT_MS};
        StringBuilder head = new StringBuilder();
        for (SweepAxis axis : sweep.axes()) {
            head.append(String.format(Locale.ROOT, "%-28s", axis.pathText()));
        }
        for (Figure figure : shown) {
            head.append(String.format(Locale.ROOT, "%24s", figure.key()));
        }
        sb.append(head).append('\n');
        for (PointResult result : results) {
            for (String v : result.point().values()) {
                sb.append(String.format(Locale.ROOT, "%-28s", v));
            }
            for (Figure figure : shown) {
                Estimate e = result.figure(figure);
                String cell = Double.isFinite(e.halfWidth())
                        ? String.format(Locale.ROOT, "%.1f ± %.1f", e.mean(), e.halfWidth())
                        : String.format(Locale.ROOT, "%.1f", e.mean());
                sb.append(String.format(Locale.ROOT, "%24s", cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A one-line bar on stderr, redrawn at most five times a second. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private static final long INTERVAL_NANOS = 200_000_000L;
        private final PrintStream err;
        private long lastNanos;
        private boolean drawn;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        synchronized void update(int done, int total) {
            long now = System.nanoTime();
            if (done < total && drawn && now - lastNanos < INTERVAL_NANOS) {
                return;
            }
            lastNanos = now;
            drawn = true;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " runs");
            err.flush();
        }

        synchronized void finish(double seconds) {
            if (drawn) {
                err.printf(Locale.ROOT, " in %.1f s%n", seconds);
            }
        }
    }
}
