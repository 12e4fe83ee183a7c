package dev.switchboard.testing;

import javafx.application.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fails a test when an exception escaped on the JavaFX application thread (or any other thread) while
 * it ran: an uncaught exception in a listener, an animation pulse or a layout pass is otherwise only
 * printed and the test passes. Registered for every test by JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} and
 * {@code junit-platform.properties}), so no UI test can forget it.
 */
public final class FxThreadExceptions implements BeforeEachCallback, AfterEachCallback {
    private static final List<Throwable> ESCAPED = new CopyOnWriteArrayList<>();
    private static final Thread.UncaughtExceptionHandler COLLECT = (thread, error) -> ESCAPED.add(error);

    @Override
    public void beforeEach(ExtensionContext context) {
        ESCAPED.clear();
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (FxToolkit.isFXApplicationThreadRunning()) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<Throwable> escaped = drain();
        if (!escaped.isEmpty()) {
            AssertionError failure = new AssertionError(escaped.size() + " exception(s) escaped on the "
                    + "FX thread during " + context.getDisplayName() + "; the first: " + escaped.get(0));
            escaped.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /**
     * Routes uncaught exceptions to this collector: the JVM-wide default handler, and the FX thread's
     * own handler when the toolkit runs (a test that set one of its own would otherwise hide them).
     */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(COLLECT);
        if (FxToolkit.isFXApplicationThreadRunning()) {
            if (Platform.isFxApplicationThread()) {
                Thread.currentThread().setUncaughtExceptionHandler(COLLECT);
            } else {
                Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(COLLECT));
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /** The exceptions that escaped since the last drain, oldest first; clears them. */
    public static List<Throwable> drain() {
        List<Throwable> copy = new ArrayList<>(ESCAPED);
        ESCAPED.removeAll(copy);
        return copy;
    }
}
