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

    PlaybackDriver(PlaybackViewModel playback, DoubleConsumer render) {
        this.playback = playback;
        this.render = render;
    }

    @Override
    public void handle(long nowNanos) {
        if (lastPulseNanos >= 0) {
            playback.onPulse((nowNanos - lastPulseNanos) / 1_000_000.0);
        }
        lastPulseNanos = nowNanos;
        if (playback.getFlow() != null) {
            render.accept(playback.getNowMs());
        }
    }

    @Override
    public void stop() {
        super.stop();
        lastPulseNanos = -1;
    }
}
