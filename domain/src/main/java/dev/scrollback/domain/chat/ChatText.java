package dev.scrollback.domain.chat;

/**
 * What a caller says in a room (or the action they do): 1 to 500 characters on one line, without control characters
 * (see {@link ChatTextRules}). Free text: personal data (SPEC §3).
 */
public record ChatText(String value) {
    public static final int MAX = 500;

    public ChatText {
        value = ChatTextRules.oneLine("text", value, MAX);
    }
}
