package dev.scrollback.domain.boards;

/** A conference groups boards (e.g. "General", "Retro computing"): 1 to 40 characters on one line. */
public record ConferenceName(String value) {
    public static final int MAX = 40;

    public ConferenceName {
        value = OneLine.of("conference", value, MAX);
    }
}
