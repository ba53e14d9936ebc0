package dev.scrollback.application.exchange;

import java.util.Optional;

/** The two shapes of an export (decision 0023): our own line per stored row, or a CloudEvents 1.0 JSON event per line. */
public enum ExportFormat {
    /** One JSON object per line with every stored column: {@code position, id, stream, version, ...}. */
    NDJSON("ndjson", "application/x-ndjson"),
    /** One CloudEvents 1.0 event in the JSON format (structured mode) per line. */
    CLOUDEVENTS("cloudevents", "application/x-ndjson");

    private final String wireName;
    private final String mediaType;

    ExportFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    public String wireName() {
        return wireName;
    }

    /** What an HTTP response carrying it says it is: lines of JSON either way. */
    public String mediaType() {
        return mediaType;
    }

    /** The format named {@code name} ({@code ndjson} when absent); empty when the name is not one. */
    public static Optional<ExportFormat> of(String name) {
        if (name == null) return Optional.of(NDJSON);
        for (var format : values()) if (format.wireName.equals(name)) return Optional.of(format);
        return Optional.empty();
    }
}
