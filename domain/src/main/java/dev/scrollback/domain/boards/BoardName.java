package dev.scrollback.domain.boards;

/** A board's name as callers see it in lists: 1 to 40 characters on one line. */
public record BoardName(String value) {
    public static final int MAX = 40;

    public BoardName {
        value = OneLine.of("name", value, MAX);
    }

    /** What uniqueness is decided on: compatibility-normalised, case-folded, inner spaces collapsed. */
    public String key() {
        return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
