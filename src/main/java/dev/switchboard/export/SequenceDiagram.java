package dev.switchboard.export;

import dev.switchboard.trace.TraceEvent;

import java.util.List;

/**
 * Writes the sequence diagram of the first orders of a run as text a real tool draws: Mermaid
 * ({@code sequenceDiagram}) or PlantUML. One lifeline per service, the broker queue and the MealReady
 * topic (plus the customers); sync requests as solid arrows, replies dashed, queued messages and
 * events as open arrows, losses crossed, timeouts and retries as notes, blocked workers as activation
 * bars. Labels hold only letters, digits, spaces and {@code ( ) , .} so neither syntax can trip on them.
 */
public final class SequenceDiagram implements ExportSink {
    /** The text syntax. */
    public enum Format { MERMAID, PLANTUML }

    private final Format format;
    private final Output out;
    private final SequenceSteps steps;
    private String flowName = "";
    private double lastTimeMs;

    public SequenceDiagram(Format format, long maxOrders, Appendable out) {
        this.format = format;
        this.out = new Output(out);
        this.steps = new SequenceSteps(maxOrders);
    }

    public Format format() {
        return format;
    }

    @Override
    public void onEvent(TraceEvent event) {
        lastTimeMs = event.timeMs();
        if (event instanceof TraceEvent.RunStarted e) {
            flowName = e.flowName();
        }
        steps.onEvent(event);
    }

    @Override
    public void finish() {
        steps.finish(lastTimeMs);
        StringBuilder b = new StringBuilder(64 * (steps.steps().size() + 10));
        if (format == Format.MERMAID) {
            mermaid(b, steps.steps());
        } else {
            plantUml(b, steps.steps());
        }
        out.add(b);
    }

    private void mermaid(StringBuilder b, List<SequenceStep> list) {
        b.append("%% ").append(safe(flowName)).append(": the first orders of the run, from Switchboard\n");
        b.append("sequenceDiagram\n");
        for (Lifeline l : Lifeline.values()) {
            b.append("    ").append(l == Lifeline.CUSTOMER ? "actor " : "participant ").append(l.id())
                    .append(" as ").append(l.title()).append('\n');
        }
        for (SequenceStep step : list) {
            b.append("    ");
            if (step instanceof SequenceStep.Arrow a) {
                String arrow = switch (a.style()) {
                    case REQUEST -> "->>";
                    case REPLY -> "-->>";
                    case ASYNC -> "-)";
                    case LOST -> "-x";
                };
                b.append(a.from().id()).append(arrow).append(a.to().id()).append(": ").append(label(a, a.label()));
            } else if (step instanceof SequenceStep.Note n) {
                b.append("Note over ").append(n.over().id()).append(": ").append(label(n, n.text()));
            } else if (step instanceof SequenceStep.Blocked k) {
                b.append(k.begins() ? "activate " : "deactivate ").append(k.on().id());
            }
            b.append('\n');
        }
    }

    private void plantUml(StringBuilder b, List<SequenceStep> list) {
        b.append("@startuml\n");
        b.append("title ").append(safe(flowName)).append(", the first orders of the run\n");
        for (Lifeline l : Lifeline.values()) {
            String type = switch (l) {
                case CUSTOMER -> "actor";
                case QUEUE -> "queue";
                case TOPIC -> "collections";
                default -> "participant";
            };
            b.append(type).append(" \"").append(l.title()).append("\" as ").append(l.id()).append('\n');
        }
        for (SequenceStep step : list) {
            if (step instanceof SequenceStep.Arrow a) {
                String arrow = switch (a.style()) {
                    case REQUEST -> " -> ";
                    case REPLY -> " --> ";
                    case ASYNC -> " ->> ";
                    case LOST -> " ->x ";
                };
                b.append(a.from().id()).append(arrow).append(a.to().id()).append(" : ").append(label(a, a.label()));
            } else if (step instanceof SequenceStep.Note n) {
                b.append("note over ").append(n.over().id()).append(" : ").append(label(n, n.text()));
            } else if (step instanceof SequenceStep.Blocked k) {
                b.append(k.begins() ? "activate " : "deactivate ").append(k.on().id());
            }
            b.append('\n');
        }
        b.append("@enduml\n");
    }

    private static String label(SequenceStep step, String text) {
        return "order " + step.orderId() + " " + text + ", at " + SequenceSteps.ms(step.timeMs());
    }

    /** Keeps letters, digits, spaces and a few signs that mean nothing to Mermaid or PlantUML. */
    static String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == ',' || c == '('
                    || c == ')' ? c : ' ');
        }
        return b.toString().trim();
    }
}
