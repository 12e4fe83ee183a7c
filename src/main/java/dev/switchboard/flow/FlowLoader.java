package dev.switchboard.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads flow files: a file the user picked, a sample shipped on the classpath, or JSON text.
 * The result is always either a complete {@link Flow} or a {@link FlowException}, never a
 * partly loaded flow.
 */
public final class FlowLoader {

    /** The classpath folder the samples are packaged in (see the resources of pom.xml). */
    public static final String SAMPLE_FOLDER = "sample-flows";

    /** Far above any real flow; stops a wrongly picked file (a video, a log) from being read whole. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private FlowLoader() {
    }

    /** Reads a flow file; errors name the file as the path was given. */
    public static Flow load(Path file) throws FlowException {
        return load(file, List.of());
    }

    /** Reads a flow file with fields changed before it is checked (see {@link FlowOverride}). */
    public static Flow load(Path file, List<FlowOverride> overrides) throws FlowException {
        return parse(readText(file), file.toString(), overrides);
    }

    /**
     * The text of a file with the checks every Switchboard file gets: it exists, is no folder, holds
     * at most {@link #MAX_FILE_BYTES} (counted on the bytes read) of UTF-8; errors name the file as the
     * path was given.
     */
    public static String readText(Path file) throws FlowException {
        String sourceName = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw FlowException.unplaced(sourceName, "is a folder, not a flow file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw FlowException.unplaced(sourceName, "is " + (size / 1024) + " KB, too large for a flow file (at most "
                        + (MAX_FILE_BYTES / 1024) + " KB)");
            }
            // A pipe, /dev/stdin or a device has no size to check: the limit holds for the bytes actually read.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readAtMost(in, sourceName);
            }
        } catch (NoSuchFileException e) {
            throw FlowException.unplaced(sourceName, "no such file");
        } catch (AccessDeniedException e) {
            throw FlowException.unplaced(sourceName, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw FlowException.unplaced(sourceName, "cannot read the file: " + e.getMessage());
        }
        return decode(bytes, sourceName);
    }

    /** Reads the whole stream, refusing it as soon as it has given more than {@link #MAX_FILE_BYTES}. */
    static byte[] readAtMost(InputStream in, String sourceName) throws IOException, FlowException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw FlowException.unplaced(sourceName, "gives more than " + (MAX_FILE_BYTES / 1024)
                    + " KB, too large for a flow file (at most " + (MAX_FILE_BYTES / 1024) + " KB); stopped reading there");
        }
        return bytes;
    }

    /** Reads a sample shipped with Switchboard, e.g. {@code loadSample("hybrid-order.json")}, from the classpath. */
    public static Flow loadSample(String fileName) throws FlowException {
        return loadSample(fileName, List.of());
    }

    /** Reads a shipped sample with fields changed before it is checked (see {@link FlowOverride}). */
    public static Flow loadSample(String fileName, List<FlowOverride> overrides) throws FlowException {
        if (fileName == null || fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw FlowException.unplaced(String.valueOf(fileName), "not a sample file name; the samples are "
                    + sampleNames());
        }
        String resource = SAMPLE_FOLDER + "/" + fileName;
        byte[] bytes;
        try (InputStream in = FlowLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw FlowException.unplaced(fileName, "no sample flow with this name; the samples are " + sampleNames());
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw FlowException.unplaced(fileName, "cannot read the sample: " + e.getMessage());
        }
        return parse(decode(bytes, fileName), fileName, overrides);
    }

    /** Reads a flow from JSON text; {@code sourceName} is what errors call it. */
    public static Flow parse(String json, String sourceName) throws FlowException {
        return parse(json, sourceName, List.of());
    }

    /** Reads a flow from JSON text with fields changed before it is checked (see {@link FlowOverride}). */
    public static Flow parse(String json, String sourceName, List<FlowOverride> overrides) throws FlowException {
        String name = sourceName == null || sourceName.isBlank() ? "flow" : sourceName;
        if (json == null) {
            throw FlowException.unplaced(name, "no text to read");
        }
        JsonValue tree = JsonTreeReader.read(json, name);
        if (!overrides.isEmpty()) {
            tree = FlowOverrides.apply(tree, overrides, name);
        }
        return FlowReader.read(tree, name);
    }

    private static String decode(byte[] bytes, String sourceName) throws FlowException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw FlowException.unplaced(sourceName, "is not UTF-8 text; a flow file is JSON saved as UTF-8");
        }
    }

    private static String sampleNames() {
        return String.join(", ", SampleFlows.FILE_NAMES);
    }
}
