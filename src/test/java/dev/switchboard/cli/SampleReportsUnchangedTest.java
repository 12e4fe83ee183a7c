package dev.switchboard.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The headless report of every sample is byte for byte the one recorded before the trace was made
 * complete for the diagram (issue 9, at fe89439): facts added to the trace for readers change no
 * figure, not even the number of trace events.
 */
class SampleReportsUnchangedTest {

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sample-flows"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theReportOfEverySampleIsTheRecordedOne(String sample) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"run", "sample-flows/" + sample},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_OK, status, err.toString(StandardCharsets.UTF_8));
        String name = sample.substring(0, sample.length() - ".json".length());
        String recorded = Files.readString(Path.of("src/test/resources/reports/" + name + ".report.json"));
        assertEquals(recorded, out.toString(StandardCharsets.UTF_8), sample);
    }
}
