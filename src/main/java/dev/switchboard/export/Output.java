package dev.switchboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Appends text to an {@link Appendable}, turning its checked errors into unchecked ones. */
final class Output {
    private final Appendable out;

    Output(Appendable out) {
        this.out = out;
    }

    Output add(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
