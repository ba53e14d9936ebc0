package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.Erasure;

/** A page's text: 1 to 200 characters on one line, without control characters. Free text: personal data (SPEC §3). */
public record PageText(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final PageText ERASED = new PageText(Erasure.MARK);

    public static final int MAX = 200;

    public PageText {
        if (!Erasure.is(value)) {
            value = ChatTextRules.oneLine("text", value, MAX);
        }
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
