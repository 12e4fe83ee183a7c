package dev.switchboard.cli;

import dev.switchboard.flow.Flow;
import dev.switchboard.run.Recording;
import dev.switchboard.run.ReplayException;
import dev.switchboard.flow.Echo;
import dev.switchboard.flow.FlowException;
import dev.switchboard.flow.Suggestions;
import dev.switchboard.sim.VirtualTimeLimitException;
import dev.switchboard.export.ExportSink;
import dev.switchboard.export.OtlpJson;
import dev.switchboard.export.ReportCsv;
import dev.switchboard.export.SequenceDiagram;
import dev.switchboard.trace.Report;
import dev.switchboard.trace.TraceListener;
import dev.switchboard.trace.ReportJson;
import dev.switchboard.trace.ReportText;
import dev.switchboard.trace.TraceJsonWriter;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The command line without a window: {@code run} plays a flow (or replays a saved run) to the end and prints its report,
 * {@code bench} measures speed, {@code sweep} and {@code compare} run a flow with changed settings,
 * {@code help} explains them. The report goes to stdout and nothing
 * else does, so it can be piped; errors and progress go to stderr.
 */
public final class Main {
    public static final int EXIT_OK = 0;
    /** The run could not finish: a file could not be written, or an internal error. */
    public static final int EXIT_FAILED = 1;
    /** An invalid flow or a command line that cannot be understood. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = String.join("\n",
            "Usage:",
            "  switchboard run FLOW.json [--seed N] [--orders N] [--trace FILE.jsonl] [--format json|text]",
            "                  [--otlp FILE.json] [--mermaid FILE.mmd] [--plantuml FILE.puml] [--csv FILE.csv]",
            "                  [--orders-in-diagram N]",
            "      Plays the flow to the end without a window and prints its report on stdout.",
            "      FLOW.json is a flow file, or the name of a shipped sample (e.g. hybrid-order.json),",
            "      or a recording saved by the window (File > Save run...): its run is replayed exactly",
            "      as it was played, commands included (--seed and --orders do not apply to it).",
            "      --seed N            use seed N instead of the flow's",
            "      --orders N          place N orders instead of the flow's count",
            "      --trace FILE.jsonl  also write every trace event to FILE.jsonl, one JSON object a line",
            "      --format json|text  the report as JSON (default) or as a table for people",
            "      --otlp FILE.json    also write the run as OpenTelemetry traces (OTLP JSON), one trace per order",
            "      --mermaid FILE.mmd  also write the sequence diagram of the first orders as Mermaid",
            "      --plantuml FILE.puml  ... and as PlantUML",
            "      --csv FILE.csv      also write the report as CSV (path,value)",
            "      --orders-in-diagram N  orders the sequence diagrams show (default 20)",
            "  switchboard bench [--orders N] [--flow FLOW.json] [--events N] [--pending N] [--ratio-orders N]",
            "      Times the engine on the hold model (--events per round, default 20000000; --pending,",
            "      default 1000), then N orders (default 1000000) of a flow (default the hybrid sample),",
            "      then pairs of runs side by side (--ratio-orders each, default 200000): 4 against 1000",
            "      workers, and the hybrid sample without and with a trace file (a quarter as many orders).",
            "      --orders 0, --events 0 or --ratio-orders 0 skips that part. Run it with -Xmx256m.",
            "  switchboard sweep FLOW.json --vary PATH=VALUES [--vary ...] [--seeds N] [--orders N]",
            "                    [--format json|csv|text] [--threads N]",
            "      Runs every combination of the values, each with N seeds (default 5), on all cores, and",
            "      prints per point the headline figures with 95% confidence intervals. PATH as the flow",
            "      errors name fields (links[\"order->kitchen\"].style) or dotted (links.order->kitchen.style);",
            "      VALUES a range 1..6, a stepped range 100..900:200 or a list sync,queue.",
            "  switchboard compare FLOW.json [--preset NAME] [--left KEY=VALUE ...] [--right KEY=VALUE ...]",
            "                      [--orders N] [--seed N] [--format json|text]",
            "      Runs the flow twice on one seed, the same customers on both sides, each side with the",
            "      preset's settings (default sync-vs-queue; also event-vs-sync, retries-off-vs-on,",
            "      breaker-off-vs-on, one-vs-three-instances) and its own --left/--right changes (KEY as for",
            "      --vary), and prints both reports, the figures side by side and a verdict.",
            "  switchboard help",
            "Exit status: 0 done, 1 the run could not finish (e.g. a file could not be written),",
            "2 an invalid flow or bad arguments.",
            "");

    private static final Set<String> RUN_OPTIONS = Set.of("seed", "orders", "trace", "format", "otlp", "mermaid",
            "plantuml", "csv", "orders-in-diagram");
    /** The options that name an output file, in the order they are checked. */
    private static final List<String> OUTPUT_OPTIONS = List.of("trace", "otlp", "mermaid", "plantuml", "csv");

    /** The command words, for the did-you-mean of a mistyped one; keep in step with the switch in {@link #run}. */
    static final List<String> COMMANDS = List.of("run", "bench", "sweep", "compare", "help");

    private Main() {
    }

    public static void main(String[] args) {
        // the report is UTF-8 whatever the platform's encoding, so it is the same bytes everywhere
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int status = run(args, out, System.err);
        out.flush();
        System.exit(status);
    }

    /** Runs one command; returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "run":
                    return runFlow(rest, out, err);
                case "bench":
                    return new BenchCommand(out, err).run(rest);
                case "sweep":
                    return new SweepCommand(out, err).run(rest);
                case "compare":
                    return new CompareCommand(out, err).run(rest);
                case "help":
                case "--help":
                case "-h":
                    out.print(USAGE);
                    out.flush();
                    return EXIT_OK;
                default:
                    String hint = args[0].endsWith(".json")
                            ? "; to play a flow: switchboard run " + Echo.plain(args[0]) + ", or in the window: --flow "
                                    + Echo.plain(args[0])
                            : Suggestions.didYouMean(args[0], COMMANDS);
                    throw new UsageException("unknown command " + Echo.quoted(args[0]) + hint);
            }
        } catch (UsageException e) {
            err.println("switchboard: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        } catch (VirtualTimeLimitException e) {
            err.println("switchboard: " + e.getMessage() + "; run fewer orders (--orders) or use shorter times");
            return EXIT_FAILED;
        } catch (OutOfMemoryError e) {
            // a backlog that grows without bound (orders arriving faster than served) can fill any heap
            err.println("switchboard: out of memory; run fewer orders (--orders) or give Java more heap (-Xmx)");
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            // a bug, not a user's mistake: one line that can be reported, not a wall of frames
            err.println("switchboard: internal error: " + e);
            return EXIT_FAILED;
        }
    }

    private static int runFlow(List<String> words, PrintStream out, PrintStream err) throws UsageException {
        Arguments arguments = Arguments.parse(words, RUN_OPTIONS);
        if (arguments.positionals().size() != 1) {
            throw new UsageException(arguments.positionals().isEmpty() ? "run needs a flow file"
                    : "run takes one flow file, not " + arguments.positionals().size());
        }
        String format = arguments.text("format", "json");
        if (!format.equals("json") && !format.equals("text")) {
            throw new UsageException("--format is json or text, not " + Echo.quoted(format));
        }
        long seed = arguments.longValue("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int orders = (int) arguments.longValue("orders", 0, 0, Integer.MAX_VALUE);
        long ordersInDiagram = arguments.longValue("orders-in-diagram", SequenceDiagram.DEFAULT_ORDERS, 0,
                Integer.MAX_VALUE);
        String flowName = arguments.positionals().get(0);
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (String option : OUTPUT_OPTIONS) {
            if (arguments.has(option)) {
                Path path;
                try {
                    path = Path.of(arguments.text(option, ""));
                } catch (InvalidPathException e) {
                    throw new UsageException("--" + option + ": not a valid file name: " + e.getReason());
                }
                refuseOverwriting(flowName, option, path);
                for (Map.Entry<String, Path> earlier : outputs.entrySet()) {
                    if (sameFile(earlier.getValue(), path)) {
                        throw new UsageException("--" + earlier.getKey() + " and --" + option + " name the same file "
                                + Echo.plain(path.toString()) + "; give each output its own file");
                    }
                }
                outputs.put(option, path);
            }
        }
        Path tracePath = outputs.get("trace");
        FlowFiles.Playable playable;
        try {
            playable = FlowFiles.loadRun(flowName);
        } catch (FlowException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        Recording recording = playable.recording();
        boolean recorded = playable.recorded();
        for (String option : List.of("seed", "orders")) {
            if (recorded && arguments.has(option)) {
                // the commands are stamped at their places in the recorded run; another seed or workload is another run
                throw new UsageException("--" + option + " cannot change a recording: it replays the run exactly as it"
                        + " was played (run its flow to vary it)");
            }
        }
        Flow flow = recording.flow();
        if (arguments.has("seed")) {
            flow = flow.withSeed(seed);
        }
        if (arguments.has("orders")) {
            flow = flow.withOrderCount(orders);
        }
        if (!recorded) {
            recording = Recording.of(flow);
        }

        Report report;
        String writing = "trace";
        List<Writer> files = new ArrayList<>();
        try {
            List<TraceListener> listeners = new ArrayList<>();
            List<ExportSink> sinks = new ArrayList<>();
            TraceJsonWriter trace = null;
            if (tracePath != null) {
                trace = TraceJsonWriter.open(tracePath);
                listeners.add(trace);
            }
            try {
                for (String option : List.of("otlp", "mermaid", "plantuml")) {
                    Path path = outputs.get(option);
                    if (path != null) {
                        writing = option;
                        Writer file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                        files.add(file);
                        ExportSink sink = switch (option) {
                            case "otlp" -> new OtlpJson(file);
                            case "mermaid" -> new SequenceDiagram(SequenceDiagram.Format.MERMAID, ordersInDiagram, file);
                            default -> new SequenceDiagram(SequenceDiagram.Format.PLANTUML, ordersInDiagram, file);
                        };
                        sinks.add(sink);
                        listeners.add(sink);
                    }
                }
                // while the run streams, the trace and the OTLP file are written together
                writing = outputs.containsKey("otlp") && tracePath != null ? "run" : tracePath != null ? "trace" : "otlp";
                report = new HeadlessRun(recording).run(new Progress(err), listeners.toArray(new TraceListener[0]));
            } finally {
                if (trace != null) {
                    trace.close();
                }
            }
            for (int i = 0; i < sinks.size(); i++) {
                writing = sinks.get(i) instanceof OtlpJson ? "otlp"
                        : ((SequenceDiagram) sinks.get(i)).format() == SequenceDiagram.Format.MERMAID ? "mermaid"
                        : "plantuml";
                sinks.get(i).finish();
            }
            for (Writer file : files) {
                file.close();
            }
            if (outputs.containsKey("csv")) {
                writing = "csv";
                Files.writeString(outputs.get("csv"), ReportCsv.write(report), StandardCharsets.UTF_8);
            }
        } catch (ReplayException e) {
            err.println("switchboard: " + Echo.plain(flowName) + ": the recording does not fit its flow: " + e.getMessage());
            closeQuietly(files);
            return EXIT_FAILED;
        } catch (IOException | UncheckedIOException e) {
            String where = writing.equals("run") ? "the trace to " + tracePath + " or the --otlp export to "
                    + outputs.get("otlp")
                    : (writing.equals("trace") ? "the trace" : "the --" + writing + " export") + " to " + outputs.get(writing);
            err.println("switchboard: cannot write " + where + ": " + message(e));
            for (Writer file : files) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // the first error is the one worth telling
                }
            }
            return EXIT_FAILED;
        }
        out.print(format.equals("json") ? ReportJson.write(report) : ReportText.write(report));
        out.flush();
        return EXIT_OK;
    }

    private static void closeQuietly(List<Writer> files) {
        for (Writer file : files) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the first error is the one worth telling
            }
        }
    }

    /** Writing an output over the flow file (by the same name, a link or another path) would destroy the flow. */
    private static void refuseOverwriting(String flowName, String option, Path output) throws UsageException {
        Path input;
        try {
            input = Path.of(flowName);
        } catch (InvalidPathException e) {
            return;
        }
        if (!Files.exists(input) || !Files.exists(output)) {
            return;
        }
        boolean same;
        try {
            same = Files.isSameFile(input, output);
        } catch (IOException e) {
            return;
        }
        if (same) {
            throw new UsageException("--" + option + " " + output + " is the flow file itself; writing the "
                    + (option.equals("trace") ? "trace" : "export") + " there would overwrite the flow (give another file name)");
        }
    }

    /** Two outputs name one file: by the same path, or (when both exist) a link or another path. */
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : text;
    }
}
