package dev.scrollback.adapters.persistence.cluster;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.application.shared.Presence;
import dev.scrollback.domain.shared.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One instance's presence as one Redis value: a header line, then a line per session, {@code <session> TAB <last seen,
 * epoch ms> TAB <activity>}. An activity is one printable line, so it cannot break the format. The header says whether
 * the list is complete: an instance with more sessions than it may publish says so, and readers then know that a session
 * missing from every list may still be served. Reading is defensive — another instance wrote it: a line that does not
 * parse is skipped, and only so many sessions are read.
 */
final class PresenceRecords {
    static final String COMPLETE = "scrollback-presence 1 complete";
    static final String PARTIAL = "scrollback-presence 1 partial";

    /** What one instance published, as read back. */
    record Read(List<Presence> sessions, boolean complete) {}

    private PresenceRecords() {}

    static byte[] write(Collection<Presence> sessions, boolean complete) {
        var text = new StringBuilder(64 + sessions.size() * 80).append(complete ? COMPLETE : PARTIAL).append('\n');
        for (var p : sessions) {
            text.append(p.session()).append('\t').append(p.lastSeen().toEpochMilli()).append('\t')
                    .append(p.activity().description()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads at most {@code maxSessions} sessions from {@code bytes}; {@code cut} says the value was longer than what was
     * fetched, so its last line may be cut short (it is dropped) and the list is not complete.
     */
    static Read read(byte[] bytes, boolean cut, int maxSessions) {
        int end = bytes.length;
        if (cut) {
            while (end > 0 && bytes[end - 1] != '\n') end--;
        }
        var lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");   // bytes bounded by the caller
        if (!lines[0].equals(COMPLETE) && !lines[0].equals(PARTIAL)) return new Read(List.of(), false);
        var sessions = new ArrayList<Presence>();
        int i = 1;
        for (; i < lines.length && sessions.size() < maxSessions; i++) {
            var presence = line(lines[i]);
            if (presence != null) sessions.add(presence);
        }
        boolean complete = !cut && lines[0].equals(COMPLETE) && i == lines.length;
        return new Read(List.copyOf(sessions), complete);
    }

    private static Presence line(String line) {
        var fields = line.split("\t", 3);
        if (fields.length != 3) return null;
        try {
            return new Presence(SessionId.parse(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    new Activity(fields[2]));
        } catch (RuntimeException notOurs) {                 // a malformed line from a broken peer: skip it
            return null;
        }
    }
}
