package dev.switchboard.ui;

import dev.switchboard.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File → Export writes what the runner writes, for the same flow played to its end. */
class ExportViewModelTest {

    @Test
    void aRunPlayedToItsEndInTheWindowExportsTheSameBytesAsTheRunner(@TempDir Path dir) throws Exception {
        MainViewModel vm = new MainViewModel();
        ExportViewModel exports = new ExportViewModel(vm.playback());
        vm.openSample("lossy-network.json");
        while (!vm.playback().isIdle()) {
            vm.playback().advanceBy(60_000);
        }

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int status = Main.run(new String[] {"run", "lossy-network.json", "--otlp", dir.resolve("o.json").toString(),
                "--mermaid", dir.resolve("m.mmd").toString(), "--plantuml", dir.resolve("p.puml").toString(),
                "--csv", dir.resolve("r.csv").toString()}, out, err);
        assertEquals(0, status);

        assertEquals(report.toString(StandardCharsets.UTF_8), exports.text(ExportViewModel.Kind.REPORT_JSON));
        Path written = dir.resolve("window.csv");
        exports.write(ExportViewModel.Kind.REPORT_CSV, written);
        assertEquals(Files.readString(dir.resolve("r.csv")), Files.readString(written));
        assertEquals(Files.readString(dir.resolve("o.json")), exports.text(ExportViewModel.Kind.OTLP));
        assertEquals(Files.readString(dir.resolve("m.mmd")), exports.text(ExportViewModel.Kind.MERMAID));
        assertEquals(Files.readString(dir.resolve("p.puml")), exports.text(ExportViewModel.Kind.PLANTUML));
    }

    @Test
    void aNewRunForgetsTheOldOnesTrace() {
        MainViewModel vm = new MainViewModel();
        ExportViewModel exports = new ExportViewModel(vm.playback());
        vm.open(TestFlows.quietHybrid(), "test");
        vm.playback().placeBurst();
        vm.playback().advanceBy(5_000);
        int before = exports.events().size();
        vm.playback().reset();
        assertTrue(exports.events().size() < before, exports.events().size() + " < " + before);
        assertTrue(exports.events().get(0) instanceof dev.switchboard.trace.TraceEvent.RunStarted);
    }
}
