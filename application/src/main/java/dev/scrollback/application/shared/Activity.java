package dev.scrollback.application.shared;

import dev.scrollback.domain.shared.InvalidValue;

/**
 * What a caller is doing, as who's online shows it ("reading General / Chat", "in chat: Lobby"): ephemeral, never an
 * event. One line of at most {@link #MAX_LENGTH} printable characters, because other callers see it.
 */
public record Activity(String description) {
    public static final int MAX_LENGTH = 60;
    public static final Activity MAIN_MENU = new Activity("at the main menu");
    public static final Activity WHO_IS_ONLINE = new Activity("looking at who's online");
    public static final Activity SETTINGS = new Activity("changing settings");
    public static final Activity MAIL = new Activity("reading mail");
    public static final Activity WRITING = new Activity("writing a message");
    public static final Activity BOARDS = new Activity("browsing the boards");
    public static final Activity NEW_SCAN = new Activity("reading new messages");
    public static final Activity WEB = new Activity("on the web");

    public Activity {
        if (description == null || description.isBlank()) throw new InvalidValue("activity", "is required");
        if (description.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new InvalidValue("activity", "must be one line of printable characters");
        }
        if (description.codePointCount(0, description.length()) > MAX_LENGTH) {
            description = description.substring(0, description.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
        }
    }

    public static Activity readingBoard(String boardName) {
        return new Activity("reading " + boardName);
    }

    public static Activity inChat(String roomName) {
        return new Activity("in chat: " + roomName);
    }
}
