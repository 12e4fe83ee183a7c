package dev.switchboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README is the front page: its TestFX example is the test in the suite, and its links lead somewhere. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(((?:docs/)[^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void theReadmesTestFxExampleIsWordForWordTheTestInTheSuite() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("```java\n");
        assertTrue(start >= 0, "the README shows a Java example");
        String shown = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 8)).strip();
        String source = Files.readString(Path.of("src/test/java/dev/switchboard/ui/ReadmeExampleTest.java"));
        String test = source.substring(source.indexOf("@ExtendWith")).strip();
        assertEquals(test, shown);
    }

    @Test
    void everyFileTheReadmeLinksToExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Matcher link = LOCAL_LINK.matcher(Files.readString(README));
        int links = 0;
        while (link.find()) {
            links++;
            if (!Files.exists(Path.of(link.group(1)))) {
                missing.add(link.group(1));
            }
        }
        assertTrue(links > 10, "links found: " + links);
        assertEquals(List.of(), missing);
    }

    @Test
    void theReadmeKeepsExactlyTheTwoSetUpCommands() throws IOException {
        String readme = Files.readString(README);
        String setUp = readme.substring(readme.indexOf("## Set-up"), readme.indexOf("\n## ", readme.indexOf("## Set-up") + 1));
        assertTrue(setUp.contains("| run the app | `./mvnw javafx:run` |"), setUp);
        assertTrue(setUp.contains("| run the tests | `./mvnw verify` |"), setUp);
    }
}
