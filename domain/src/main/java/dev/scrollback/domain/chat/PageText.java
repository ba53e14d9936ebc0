package dev.scrollback.domain.chat;

/** A page's text: 1 to 200 characters on one line, without control characters. Free text: personal data (SPEC §3). */
public record PageText(String value) {
    public static final int MAX = 200;

    public PageText {
        value = ChatTextRules.oneLine("text", value, MAX);
    }
}
