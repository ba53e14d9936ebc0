package dev.scrollback.domain.chat;

import java.util.Locale;

/** What a chat line is: something said ({@code Alice: hi}), or an action ({@code * Alice waves}, typed as "/me waves"). */
public enum LineKind {
    SAY, ACTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
