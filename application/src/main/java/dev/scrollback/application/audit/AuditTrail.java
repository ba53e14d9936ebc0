package dev.scrollback.application.audit;

import dev.scrollback.application.shared.ProjectionSnapshot;
import dev.scrollback.application.shared.ProjectionState;
import dev.scrollback.application.shared.Rebuildable;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.domain.accounts.AccountEvent;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Handle;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The audit log (issue 7): an in-memory projection of the security-relevant and admin events ({@link AuditedEvents}),
 * each with its envelope's position, time, actor and origin. Rebuilt from position 0 at every start, like the other
 * projections. Memory is bounded: it holds the latest {@link #DEFAULT_CAPACITY} entries and forgets the oldest beyond
 * that (the log itself keeps every event; {@link #oldestHeld()} says where the trail begins).
 */
@Named
public final class AuditTrail {
    public static final int DEFAULT_CAPACITY = 200_000;
    private static final int MAX_SUMMARY = 500;
    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());

    private final Rebuildable<State> state;

    public AuditTrail() {
        this(DEFAULT_CAPACITY);
    }

    public AuditTrail(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.state = new Rebuildable<>(() -> new State(capacity));
    }

    /** The trail's state, for rebuilding it (the persistence adapter's processors feed {@code live()}). */
    public Rebuildable<?> rebuildable() {
        return state;
    }

    /** Applies one event of the log, in log order. */
    public void apply(RecordedEvent recorded) {
        state.live().apply(recorded);
    }

    /**
     * Up to {@code limit} entries after position {@code after} that match {@code filter}, oldest first. {@code next} is
     * the last returned entry's position when the page is full, else the last position applied (nothing more matches yet).
     */
    public AuditPage find(AuditFilter filter, long after, int limit) {
        return state.live().find(filter, after, limit);
    }

    /** The position of the oldest entry held, or empty when none is. */
    public Optional<Long> oldestHeld() {
        return state.live().oldestHeld();
    }

    /** Control characters (line breaks, escapes) become spaces, and a long line is cut. */
    static String oneLine(String text) {
        var line = new StringBuilder(Math.min(text.length(), MAX_SUMMARY + 1));
        for (int i = 0; i < text.length() && line.length() < MAX_SUMMARY; i++) {
            char c = text.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > MAX_SUMMARY) line.append('…');
        return line.toString();
    }

    /** The trail held, swapped whole when rebuilt. */
    static final class State implements ProjectionState {
        private final int capacity;
        private final AuditEntry[] entries;
        private int start;                                 // index of the oldest held
        private int size;
        private long last;                                 // the last position applied, audited or not
        private boolean forgetting;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        /** The handle of every account, to name the subject of events that carry only the account's id. */
        private final Map<AccountId, Handle> handles = new ConcurrentHashMap<>();

        State(int capacity) {
            this.capacity = capacity;
            this.entries = new AuditEntry[capacity];
        }

        /** Applies one event of the log, in log order. */
        @Override
        public void apply(RecordedEvent recorded) {
            if (recorded.event() instanceof AccountEvent.AccountRegistered registered) {
                handles.put(registered.account(), registered.handle());
            }
            var audited = AuditedEvents.of(recorded.event(), id -> Optional.ofNullable(handles.get(id)));
            lock.writeLock().lock();
            try {
                if (recorded.position() <= last) return;              // already applied (a processor retried)
                last = recorded.position();
                if (recorded.event() instanceof AccountEvent.AccountErased erased) forgetAddressesOf(erased.account());
                audited.ifPresent(a -> hold(entry(recorded, a)));
            } finally {
                lock.writeLock().unlock();
            }
        }

        /**
         * An erased account's addresses read back erased from the log (decision 0021); the entries held show the same at
         * once, rather than after a restart: those whose address was sealed under its key, that is where it acted, or,
         * with no account acting, where it was the subject (a stranger's failed login on it).
         */
        private void forgetAddressesOf(AccountId account) {
            var id = account.toString();
            for (int i = 0; i < size; i++) {
                int at = (start + i) % capacity;
                var entry = entries[at];
                if (entry.address().isEmpty()) continue;
                var acting = entry.actor().kind() == dev.scrollback.application.shared.Actor.Kind.USER ? entry.actor().id() : Optional.<String>empty();
                boolean sealedUnderIt = acting.isPresent() ? acting.get().equals(id) : entry.subject().equals(Optional.of(account));
                if (sealedUnderIt) {
                    entries[at] = new AuditEntry(entry.position(), entry.at(), entry.type(), entry.actor(), entry.channel(),
                            Optional.of(RemoteAddress.ERASED), entry.session(), entry.summary(), entry.subject(), entry.subjectHandle());
                }
            }
        }

        private static AuditEntry entry(RecordedEvent recorded, AuditedEvents.Audited audited) {
            var meta = recorded.metadata();
            return new AuditEntry(recorded.position(), meta.occurredAt(), recorded.type(), meta.actor(), meta.origin().channel(),
                    meta.origin().address(), meta.origin().session(), oneLine(audited.summary()), audited.subject(),
                    audited.subjectHandle());
        }

        private void hold(AuditEntry entry) {
            if (size == capacity) {
                if (!forgetting) {
                    LOG.log(System.Logger.Level.WARNING, "the audit trail holds its maximum of {0} entries: from now on the "
                            + "oldest are forgotten (the event log still holds them)", capacity);
                    forgetting = true;
                }
                entries[start] = null;
                start = (start + 1) % capacity;
                size--;
            }
            entries[(start + size) % capacity] = entry;
            size++;
        }

        /**
         * Up to {@code limit} entries after position {@code after} that match {@code filter}, oldest first. {@code next} is
         * the last returned entry's position when the page is full, else the last position applied (nothing more matches yet).
         */
        AuditPage find(AuditFilter filter, long after, int limit) {
            lock.readLock().lock();
            try {
                var found = new ArrayList<AuditEntry>(Math.min(limit, 64));
                for (int i = firstAfter(after); i < size && found.size() < limit; i++) {
                    var entry = entries[(start + i) % capacity];
                    if (filter.matches(entry)) found.add(entry);
                }
                long next = found.size() == limit ? found.getLast().position() : Math.max(after, last);
                return new AuditPage(found, next);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** The position of the oldest entry held, or empty when none is. */
        Optional<Long> oldestHeld() {
            lock.readLock().lock();
            try {
                return size == 0 ? Optional.empty() : Optional.of(entries[start].position());
            } finally {
                lock.readLock().unlock();
            }
        }

        private int firstAfter(long after) {
            int low = 0, high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (entries[(start + mid) % capacity].position() <= after) low = mid + 1;
                else high = mid;
            }
            return low;
        }

        @Override
        public ProjectionSnapshot snapshot() {
            lock.readLock().lock();
            try {
                var snapshot = ProjectionSnapshot.builder();
                for (int i = 0; i < size; i++) {
                    var entry = entries[(start + i) % capacity];
                    snapshot.put("entry/" + String.format("%019d", entry.position()), entry);
                }
                snapshot.put("last", last);
                handles.forEach((account, handle) -> snapshot.put("handle/" + account, handle));
                return snapshot.build();
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
