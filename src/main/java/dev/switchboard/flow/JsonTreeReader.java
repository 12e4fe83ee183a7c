package dev.switchboard.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON text into a {@link JsonValue} tree with Jackson's streaming parser, remembering where
 * each value starts, and turns Jackson's syntax errors into plain-worded {@link FlowException}s.
 */
final class JsonTreeReader {

    /** More digits than any duration or count needs; a longer number is refused where it starts. */
    static final int MAX_NUMBER_CHARS = 1000;

    /**
     * Jackson's own limits on names and numbers are lifted above the largest flow file: it reports
     * them without a place (a name's limit at the token before it), while read here they are refused
     * where they start, a long name as an unknown field shown short, a long number by the check below.
     */
    private static final int LONGER_THAN_ANY_FILE = (int) FlowLoader.MAX_FILE_BYTES + 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(LONGER_THAN_ANY_FILE)
                    .maxNumberLength(LONGER_THAN_ANY_FILE)
                    .build())
            .build();

    private static final String ANY_VALUE = "a value (a number, a \"string\", true, false, null, an object {...} or a list [...])";

    private JsonTreeReader() {
    }

    static JsonValue read(String json, String sourceName) throws FlowException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new FlowException(sourceName, 1, 1, "", "the file is empty; a flow needs at least {\"name\": \"...\"}");
        }
        JsonParser parser;
        try {
            parser = FACTORY.createParser(text);
        } catch (IOException e) {
            // Creating a parser over a String reads nothing yet, so it cannot fail; say so rather than hide it.
            throw new IllegalStateException("cannot create a JSON parser", e);
        }
        try (parser) {
            parser.nextToken();
            JsonValue root = readValue(parser, sourceName, FieldPath.ROOT);
            requireNothingAfter(parser, sourceName, text);
            return root;
        } catch (StreamConstraintsException e) {
            // A limit (nesting too deep) carries no location; the token that broke it is the current one.
            throw at(sourceName, text, parser.currentTokenLocation(), plainWords(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw at(sourceName, text, location, plainWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new FlowException(sourceName, 0, 0, "", "cannot read the text: " + e.getMessage());
        }
    }

    private static void requireNothingAfter(JsonParser parser, String sourceName, String text)
            throws FlowException, IOException {
        String problem = "more text after the end of the JSON value; a flow file holds exactly one object {...}";
        try {
            if (parser.nextToken() != null) {
                throw at(sourceName, text, parser.currentTokenLocation(), problem);
            }
        } catch (JsonProcessingException e) {
            // Whatever the trailing text is, the real mistake is that there is any.
            throw at(sourceName, text, e.getLocation(), problem);
        }
    }

    /** Reads the value at the current token; {@code path} is only for the rare error found while reading. */
    private static JsonValue readValue(JsonParser parser, String sourceName, String path) throws IOException, FlowException {
        JsonValue.Position at = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<JsonValue.Member> members = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonValue.Position nameAt = position(parser.currentTokenLocation());
                    parser.nextToken();
                    members.add(new JsonValue.Member(name, nameAt, readValue(parser, sourceName, FieldPath.child(path, name))));
                }
                return new JsonValue.ObjectValue(members, at);
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, sourceName, FieldPath.index(path, items.size())));
                }
                return new JsonValue.ListValue(items, at);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                if (parser.getTextLength() > MAX_NUMBER_CHARS) {
                    throw new FlowException(sourceName, at.line(), at.column(), path, "a number with too many digits ("
                            + parser.getTextLength() + " characters; at most " + MAX_NUMBER_CHARS + ")");
                }
                try {
                    return new JsonValue.NumberValue(parser.getText(), parser.getDecimalValue(), at);
                } catch (NumberFormatException e) {
                    // An exponent beyond what BigDecimal can hold, e.g. 1e99999999999.
                    throw new FlowException(sourceName, at.line(), at.column(), path,
                            "the number " + Echo.plain(parser.getText()) + " is too large or too small to read");
                }
            case VALUE_STRING:
                return new JsonValue.TextValue(parser.getText(), at);
            case VALUE_TRUE:
                return new JsonValue.BooleanValue(true, at);
            case VALUE_FALSE:
                return new JsonValue.BooleanValue(false, at);
            case VALUE_NULL:
                return new JsonValue.NullValue(at);
            default:
                // The parser only hands out well-formed token sequences, so this cannot be reached.
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static JsonValue.Position position(JsonLocation location) {
        return new JsonValue.Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static FlowException at(String sourceName, String text, JsonLocation location, String problem) {
        if (location == null || location.getLineNr() < 1) {
            return new FlowException(sourceName, 0, 0, "", problem);
        }
        int line = location.getLineNr();
        return new FlowException(sourceName, line, Math.max(1, Math.min(location.getColumnNr(), lineLength(text, line) + 1)),
                "", problem);
    }

    /**
     * The characters on a line (counting from 1) without its line break: a column Jackson gives
     * from its read-ahead is kept to at most one past this, the end of the line or of the file.
     */
    private static int lineLength(String text, int line) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            int next = nextLineStart(text, start);
            if (next < 0) {
                return Integer.MAX_VALUE;
            }
            start = next;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end - start;
    }

    /** Jackson counts \n, \r and \r\n as one line break each. */
    private static int nextLineStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile(
            "Unexpected character \\((.*) \\(code (\\d+)\\)\\)( in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern CLOSE_MISMATCH = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at .*line: (\\d+), column: (\\d+)\\]\\).*",
            Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at .*line: (\\d+), column: (\\d+)\\]\\).*",
            Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']*)'.*", Pattern.DOTALL);

    /** Rewords Jackson's parser messages for someone editing a flow file, without Jackson's vocabulary. */
    static String plainWords(String message) {
        String m = message == null ? "" : message.strip();
        Matcher unexpected = UNEXPECTED_CHAR.matcher(m);
        if (unexpected.matches()) {
            String found = describeChar(Integer.parseInt(unexpected.group(2)));
            String expectation = unexpected.group(4);
            if (unexpected.group(3) != null) {
                return "not a valid JSON number (unexpected " + found + ")";
            }
            if (expectation.contains("double-quote to start field name")) {
                String hint = found.equals("'}'") ? " (is there a comma after the last field?)"
                        : found.equals("'''") ? " (JSON needs double quotes)" : "";
                return "expected a field name in double quotes but found " + found + hint;
            }
            if (expectation.contains("comma to separate Object entries")) {
                return "expected ',' between fields or '}' to end the object but found " + found + " (is a comma missing?)";
            }
            if (expectation.contains("comma to separate Array entries")) {
                return "expected ',' between items or ']' to end the list but found " + found + " (is a comma missing?)";
            }
            if (expectation.contains("colon to separate field name and value")) {
                return "expected ':' after the field name but found " + found;
            }
            if (expectation.contains("comment")) {
                return "found " + found + ", but JSON does not allow comments";
            }
            if (expectation.contains("expected a valid value") || expectation.contains("expected a value")) {
                String hint = found.equals("']'") || found.equals("'}'") ? " (is there a comma after the last item?)"
                        : found.equals("'''") ? " (JSON needs double quotes)" : "";
                return "expected " + ANY_VALUE + " but found " + found + hint;
            }
            if (expectation.contains("close marker")) {
                return "found " + found + " where the enclosing object or list should be closed";
            }
            return "unexpected " + found + " here";
        }
        Matcher mismatch = CLOSE_MISMATCH.matcher(m);
        if (mismatch.matches()) {
            return "found '" + mismatch.group(1) + "' but the " + thing(mismatch.group(3)) + " that starts at line "
                    + mismatch.group(4) + ", column " + mismatch.group(5) + " must be closed with '" + mismatch.group(2) + "'";
        }
        Matcher unclosed = UNCLOSED.matcher(m);
        if (unclosed.matches()) {
            String close = unclosed.group(1).equals("Object") ? "'}'" : "']'";
            return "the file ends before the " + thing(unclosed.group(1)) + " that starts at line " + unclosed.group(2)
                    + ", column " + unclosed.group(3) + " is closed (is a " + close + " missing?)";
        }
        Matcher unrecognized = UNRECOGNIZED_TOKEN.matcher(m);
        if (unrecognized.matches()) {
            return "unknown word '" + Echo.plain(unrecognized.group(1)) + "'; expected " + ANY_VALUE
                    + " (text must be in double quotes)";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("closing quote") || m.contains("String value") || m.contains("field name")) {
                return "the file ends inside a \"string\" (is a closing quote missing?)";
            }
            if (m.contains("Object")) {
                return "the file ends before the object is closed (is a '}' missing?)";
            }
            if (m.contains("Array")) {
                return "the file ends before the list is closed (is a ']' missing?)";
            }
            return "the file ends before the JSON is complete";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "a line break or control character inside a \"string\" (is a closing quote missing?)";
        }
        if (m.contains("Leading zeroes not allowed") || m.contains("Invalid numeric value")
                || m.contains("Non-standard token")) {
            return "not a valid JSON number";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "an unknown escape after a backslash inside a \"string\" (write \\\\ for a backslash)";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing " + (m.contains("']'") ? "']'" : "'}'") + " with nothing open to close";
        }
        if (m.startsWith("Illegal character")) {
            return "a control character where JSON allows only spaces, tabs and line breaks";
        }
        if (m.startsWith("Number value length") || m.contains("Number length")) {
            return "a number with too many digits";
        }
        if (m.contains("nesting depth")) {
            return "the JSON is nested too deeply for a flow file";
        }
        return "not valid JSON here";
    }

    private static String thing(String jacksonName) {
        return jacksonName.equals("Object") ? "object {...}" : "list [...]";
    }

    private static String describeChar(int code) {
        if (code == '\n' || code == '\r') {
            return "the end of the line";
        }
        if (code == '\t') {
            return "a tab";
        }
        if (code < 32) {
            return "a control character";
        }
        if (code == -1) {
            return "the end of the file";
        }
        return "'" + Echo.plain(new String(Character.toChars(code))) + "'";
    }
}
