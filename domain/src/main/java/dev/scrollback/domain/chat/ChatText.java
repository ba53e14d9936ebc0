package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.Erasure;

/**
 * What a caller says in a room (or the action they do): 1 to 500 characters on one line, without control characters
 * (see {@link ChatTextRules}). Free text: personal data (SPEC §3).
 */
public record ChatText(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final ChatText ERASED = new ChatText(Erasure.MARK);

    public static final int MAX = 500;

    public ChatText {
        if (!Erasure.is(value)) {
            value = ChatTextRules.oneLine("text", value, MAX);
        }
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
