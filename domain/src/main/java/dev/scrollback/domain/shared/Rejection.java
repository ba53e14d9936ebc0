package dev.scrollback.domain.shared;

/** The decider said no: expected, cheap (no stack trace), carrying a record that says why. */
public abstract class Rejection extends RuntimeException {
    protected Rejection(Object reason) {
        super(String.valueOf(reason), null, false, false);
    }

    public abstract Object reason();
}
