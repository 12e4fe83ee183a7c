package dev.switchboard.flow;

/**
 * A flow that cannot be loaded: where the problem is (source, line, column, field path) and what
 * it is, in words a person who wrote the file can act on.
 *
 * <p>{@code line} and {@code column} count from 1; both are 0 when the problem has no place in
 * the text (the file cannot be read). {@code fieldPath} is empty when the problem is not about one
 * field (the text is not valid JSON).
 */
public final class FlowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;
    private final String fieldPath;
    private final String problem;

    public FlowException(String sourceName, int line, int column, String fieldPath, String problem) {
        super(format(sourceName, line, column, fieldPath, problem));
        this.sourceName = sourceName == null ? "" : sourceName;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
        this.fieldPath = fieldPath == null ? "" : fieldPath;
        this.problem = problem;
    }

    /** A problem with the source as a whole, e.g. a file that cannot be read. */
    public static FlowException unplaced(String sourceName, String problem) {
        return new FlowException(sourceName, 0, 0, "", problem);
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String fieldPath() {
        return fieldPath;
    }

    public String problem() {
        return problem;
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** Reads like a compiler message: {@code kitchen-backlog.json:14:18: services.kitchen.workers: must be >= 0 but was -3}. */
    private static String format(String sourceName, int line, int column, String fieldPath, String problem) {
        StringBuilder text = new StringBuilder();
        text.append(sourceName == null || sourceName.isEmpty() ? "flow" : sourceName);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (fieldPath != null && !fieldPath.isEmpty()) {
            text.append(fieldPath).append(": ");
        }
        return text.append(problem).toString();
    }
}
