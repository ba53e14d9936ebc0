package dev.scrollback.domain.boards;

/** A message's subject: 1 to 120 characters on one line. */
public record Subject(String value) {
    public static final int MAX = 120;
    private static final String RE = "Re: ";

    public Subject {
        value = OneLine.of("subject", value, MAX);
    }

    /** The subject of a reply: "Re: " once, however deep the thread, cut to fit. */
    public Subject reply() {
        if (value.regionMatches(true, 0, RE, 0, RE.length())) return this;
        var text = RE + value;
        return new Subject(text.codePointCount(0, text.length()) > MAX ? text.substring(0, text.offsetByCodePoints(0, MAX)) : text);
    }
}
