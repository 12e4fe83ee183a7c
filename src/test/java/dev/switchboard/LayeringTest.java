package dev.switchboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layering written down in style.md, kept by a plain source scan (JabRef's habit). */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/switchboard");
    private static final List<String> CORE = List.of("sim", "model", "flow", "trace", "system", "run", "sweep", "export", "spans", "cli", "compare");

    @Test
    void theSimulationCoreImportsNothingFromJavaFx() {
        List<String> offenders = new ArrayList<>();
        for (String pkg : CORE) {
            for (Path file : javaFiles(MAIN.resolve(pkg))) {
                if (read(file).contains("javafx.")) {
                    offenders.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "core files that mention javafx");
    }

    @Test
    void theSimulationEngineKnowsNothingOfTheSystemItRuns() {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(MAIN.resolve("sim"))) {
            String text = read(file);
            if (text.contains("dev.switchboard.") && !text.contains("package dev.switchboard.sim;")
                    || text.matches("(?s).*import dev\\.switchboard\\.(?!sim\\.).*")) {
                offenders.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), offenders, "sim files that import other project packages");
    }

    @Test
    void theCoreNeverReachesIntoTheWindow() {
        List<String> offenders = new ArrayList<>();
        for (String pkg : CORE) {
            for (Path file : javaFiles(MAIN.resolve(pkg))) {
                if (read(file).contains("import dev.switchboard.ui")) {
                    offenders.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "core files that import the ui package");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(dir -> !javaFiles(dir).isEmpty())
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
