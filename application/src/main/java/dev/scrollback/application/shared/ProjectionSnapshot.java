package dev.scrollback.application.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A projection's state as sorted lines of key and value text, for comparing a rebuilt state with the live one: equal
 * snapshots mean the same state, and where they differ {@link #firstDifference} names the first key that does. Keys
 * are unique within a snapshot (e.g. {@code account/<id>}); values are the canonical text of what is held there
 * (records print all their fields). {@link #digest()} is the SHA-256 of the lines, to compare runs without keeping them.
 */
public final class ProjectionSnapshot {
    private static final int SHOWN = 200;
    private final SortedMap<String, String> lines;

    private ProjectionSnapshot(SortedMap<String, String> lines) {
        this.lines = lines;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the lines; one key twice is a defect of the projection's snapshot, refused. */
    public static final class Builder {
        private final TreeMap<String, String> lines = new TreeMap<>();

        public Builder put(String key, Object value) {
            if (lines.putIfAbsent(key, String.valueOf(value)) != null) {
                throw new IllegalStateException("a snapshot holds the key " + key + " twice");
            }
            return this;
        }

        public ProjectionSnapshot build() {
            return new ProjectionSnapshot(lines);
        }
    }

    public int size() {
        return lines.size();
    }

    /** The SHA-256 of every line in key order, key and value each as its UTF-8 length (4 bytes) and bytes, in hex. */
    public String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (var line : lines.entrySet()) {
                field(sha, line.getKey());
                field(sha, line.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The first key (in key order) where this snapshot ({@code this}, e.g. the live state) and {@code other} (e.g. the
     * rebuilt one) differ, with both sides' values cut to a readable length; empty when they are equal.
     */
    public Optional<String> firstDifference(ProjectionSnapshot other) {
        Iterator<Map.Entry<String, String>> mine = lines.entrySet().iterator();
        Iterator<Map.Entry<String, String>> theirs = other.lines.entrySet().iterator();
        Map.Entry<String, String> a = next(mine);
        Map.Entry<String, String> b = next(theirs);
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : a.getKey().compareTo(b.getKey());
            if (order < 0) return Optional.of(a.getKey() + ": only in the first, " + cut(a.getValue()));
            if (order > 0) return Optional.of(b.getKey() + ": only in the second, " + cut(b.getValue()));
            if (!a.getValue().equals(b.getValue())) {
                return Optional.of(a.getKey() + ": " + cut(a.getValue()) + " against " + cut(b.getValue()));
            }
            a = next(mine);
            b = next(theirs);
        }
        return Optional.empty();
    }

    private static void field(MessageDigest sha, String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
        sha.update(bytes);
    }

    private static Map.Entry<String, String> next(Iterator<Map.Entry<String, String>> lines) {
        return lines.hasNext() ? lines.next() : null;
    }

    private static String cut(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectionSnapshot snapshot && lines.equals(snapshot.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return "snapshot of " + lines.size() + " lines, sha-256 " + digest();
    }
}
