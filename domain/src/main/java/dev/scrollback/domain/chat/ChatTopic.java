package dev.scrollback.domain.chat;

/** What a room is about, shown under its name: 1 to 120 characters on one line. */
public record ChatTopic(String value) {
    public static final int MAX = 120;

    public ChatTopic {
        value = ChatTextRules.oneLine("topic", value, MAX);
    }
}
