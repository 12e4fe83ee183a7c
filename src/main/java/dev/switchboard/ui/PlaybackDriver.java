package dev.switchboard.ui;

import javafx.animation.AnimationTimer;

import java.util.function.DoubleConsumer;

/**
 * The window's clock: on every JavaFX pulse it hands the wall time since the previous pulse to the
 * playback (which advances the run only while playing) and then repaints the diagram at the new
 * virtual time. The engine itself never starts a thread or a timer.
 */
final class PlaybackDriver extends AnimationTimer {
    private final PlaybackViewModel playback;
    private final DoubleConsumer render;
    private long lastPulseNanos = -1;
    private long pulses;
    private long firstPulseNanos = -1;

    PlaybackDriver(PlaybackViewModel playback, DoubleConsumer render) {
        this.playback = playback;
        this.render = render;
    }

    @Override
    public void handle(long nowNanos) {
        if (lastPulseNanos >= 0) {
            playback.onPulse((nowNanos - lastPulseNanos) / 1_000_000.0);
        } else {
            firstPulseNanos = nowNanos;
        }
        lastPulseNanos = nowNanos;
        pulses++;
        if (playback.getFlow() != null) {
            render.accept(playback.getNowMs());
        }
    }

    /** Pulses per second since the driver started, for the smoke test's log (0 before two pulses). */
    double pulsesPerSecond() {
        double seconds = (lastPulseNanos - firstPulseNanos) / 1e9;
        return pulses > 1 && seconds > 0 ? (pulses - 1) / seconds : 0;
    }

    @Override
    public void stop() {
        super.stop();
        lastPulseNanos = -1;
    }
}
