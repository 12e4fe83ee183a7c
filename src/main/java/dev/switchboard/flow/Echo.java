package dev.switchboard.flow;

/**
 * Shows a piece of the user's text inside a one-line message: control characters escaped as JSON
 * writes them ({@code \n}, {@code \t}, {@code \u0007}), so a message never breaks over lines, and
 * anything longer than {@link #MAX_CHARS} cut short with an ellipsis, so a 10,000-character key
 * does not make a 10,000-character message.
 */
public final class Echo {

    /** The most characters of echoed text a message shows, the ellipsis included. */
    public static final int MAX_CHARS = 60;

    private Echo() {
    }

    /** {@code "dow\n"} for a value with a line break in it: the text in double quotes, escaped and shortened. */
    public static String quoted(String text) {
        return "\"" + shortened(text, true) + "\"";
    }

    /** The text escaped and shortened, without quotes: for numbers and words echoed as written. */
    public static String plain(String text) {
        return shortened(text, false);
    }

    private static String shortened(String text, boolean inQuotes) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int cut = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String piece = escape(text.codePointAt(i), inQuotes);
            if (cut < 0 && shown.length() + piece.length() > MAX_CHARS - 1) {
                cut = shown.length();
            }
            shown.append(piece);
            if (shown.length() > MAX_CHARS) {
                return shown.substring(0, cut) + "…";
            }
        }
        return shown.toString();
    }

    private static String escape(int codePoint, boolean inQuotes) {
        switch (codePoint) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '"':
                return inQuotes ? "\\\"" : "\"";
            case '\\':
                return inQuotes ? "\\\\" : "\\";
            default:
                break;
        }
        int type = Character.getType(codePoint);
        if (Character.isISOControl(codePoint) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT) {
            return String.format("\\u%04x", codePoint);
        }
        return new String(Character.toChars(codePoint));
    }
}
