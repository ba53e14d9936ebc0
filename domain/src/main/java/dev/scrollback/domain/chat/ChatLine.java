package dev.scrollback.domain.chat;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Locale;

/**
 * One line a caller typed into a room, read the same way on every channel: {@code /me waves} is the action "waves",
 * {@code //x} says "/x" (the escape for a line that must start with a slash), anything else is said as it is. The text
 * then follows {@link ChatText}'s rules; "/me" with nothing after it is refused (an action needs something to do).
 */
public record ChatLine(LineKind kind, ChatText text) {
    private static final String ACTION = "/me";

    public ChatLine {
        if (kind == null) throw new InvalidValue("kind", "is required");
        if (text == null) throw new InvalidValue("text", "is required");
    }

    public static ChatLine say(String text) {
        return new ChatLine(LineKind.SAY, new ChatText(text));
    }

    public static ChatLine action(String text) {
        return new ChatLine(LineKind.ACTION, new ChatText(text));
    }

    /** Reads a raw line; refuses it ({@link InvalidValue} on {@code text}) when what it says breaks {@link ChatText}. */
    public static ChatLine parse(String raw) {
        if (raw == null) throw new InvalidValue("text", "is required");
        if (raw.length() > ChatText.MAX * 4) throw ChatTextRules.tooLong("text", ChatText.MAX);
        // Checked on the raw line, so that no control character can pass as the space after "/me".
        if (raw.codePoints().anyMatch(ChatTextRules::forbidden)) {
            throw new InvalidValue("text", "must be one line without control characters");
        }
        var line = raw.stripLeading();
        if (isAction(line)) {
            var rest = line.substring(ACTION.length());
            if (rest.isBlank()) throw new InvalidValue("text", "needs something after /me");
            return action(rest);
        }
        if (line.startsWith("//")) return say(line.substring(1));
        return say(raw);
    }

    /** "/me" alone or followed by white space, in any case; "/meow" is said, not done. */
    private static boolean isAction(String line) {
        if (line.length() < ACTION.length() || !line.substring(0, ACTION.length()).toLowerCase(Locale.ROOT).equals(ACTION)) {
            return false;
        }
        return line.length() == ACTION.length() || Character.isWhitespace(line.charAt(ACTION.length()));
    }

    /** How the line reads in a transcript: "Alice: hi" or "* Alice waves". */
    public String asSeenFrom(String handle) {
        return switch (kind) {
            case SAY -> handle + ": " + text.value();
            case ACTION -> "* " + handle + " " + text.value();
        };
    }
}
