package dev.scrollback.adapters.telnet.shared;

import dev.scrollback.adapters.telnet.shared.CallerGone.Why;
import dev.scrollback.application.shared.Activity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The caller's side of a session, independent of the transport: prompts, bounded line editing with echo, single-key
 * menus, and timed reads. A reader thread moves input into a small bounded queue, so a read can give up after a
 * timeout without any help from sockets, and a caller who sends faster than we read is slowed down, not buffered.
 * Text goes out in the {@link TerminalProfile}'s character set (UTF-8, CP437, or ASCII look-alikes) with CR LF line
 * ends; input is UTF-8, or CP437 for CP437 terminals; escape sequences (arrow keys, function keys) are dropped.
 * Everything that ends the conversation surfaces as {@link CallerGone}. One session thread uses it.
 */
public final class CallerConsole implements AutoCloseable {
    /** Longest line a caller may type, in characters; more is refused, not buffered. */
    public static final int MAX_LINE = 256;
    private static final int CHUNK_BYTES = 512;
    private static final int QUEUED_CHUNKS = 16;
    private static final int MAX_ESCAPE_SEQUENCE = 16;
    private static final int BS = 8, TAB = 9, LF = 10, CR = 13, ESC = 27, DEL = 127, CTRL_U = 0x15, CTRL_X = 0x18, BELL = 7;

    private sealed interface Chunk {}

    private record Bytes(byte[] bytes) implements Chunk {}

    private record End(Why why, String detail) implements Chunk {}

    /** Wakes a waiting read: the window changed size, or a notice came (see {@link #breakIn}). */
    private record Wake() implements Chunk {}

    private static final int WAKE = -2;                  // from nextByte: a Wake arrived while a read waits for a key
    private static final int NOTICE = -3;                // from nextKey: notices are waiting to be shown
    private static final int MAX_NOTICES = 64;

    private final InputStream input;
    private final OutputStream output;
    private final Supplier<ScreenSize> size;
    private final Supplier<TerminalProfile> profile;
    private final Runnable hangUp;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private volatile boolean closed;
    private volatile Runnable inputSeen = () -> { };
    private volatile Consumer<Activity> activity = doing -> { };

    private byte[] current = new byte[0];
    private int position;
    private int pushedBack = -1;
    private boolean afterCr;
    private End ended;
    private boolean wakeable;                            // the read is at a key boundary: a Wake may interrupt it
    private record Notice(String text, boolean bell) {}

    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final AtomicInteger noticeCount = new AtomicInteger();
    private long deadline = Long.MAX_VALUE;          // System.nanoTime() by which the caller must be done, if any
    private long idleNanos = Long.MAX_VALUE;          // longest wait for any one key

    private CallerConsole(InputStream input, OutputStream output, Supplier<ScreenSize> size,
                          Supplier<TerminalProfile> profile, Runnable hangUp) {
        this.input = input;
        this.output = output;
        this.size = size;
        this.profile = profile;
        this.hangUp = hangUp;
    }

    /**
     * Starts reading {@code input} on a virtual thread named {@code name}. {@code hangUp} must end the connection
     * (so that the input ends too); {@link #close()} calls it.
     */
    public static CallerConsole open(InputStream input, OutputStream output, Supplier<ScreenSize> size, Runnable hangUp,
                                     String name) {
        return open(input, output, size, () -> TerminalProfile.UTF_8, hangUp, name);
    }

    /** As above, for a terminal that is {@code profile} (asked at every write, so a late or changed TTYPE counts). */
    public static CallerConsole open(InputStream input, OutputStream output, Supplier<ScreenSize> size,
                                     Supplier<TerminalProfile> profile, Runnable hangUp, String name) {
        var console = new CallerConsole(input, output, size, profile, hangUp);
        Thread.ofVirtual().name(name).start(console::pump);
        return console;
    }

    /**
     * Reports the caller's presence from now on: {@code input} on every burst of input (from the reading thread; it
     * must be quick), {@code doing} whenever a screen says what the caller is doing ({@link #doing}).
     */
    public void reportPresence(Runnable input, Consumer<Activity> doing) {
        this.inputSeen = input;
        this.activity = doing;
    }

    /** The caller turned to {@code what} (a screen says so as it opens): who's online shows it. */
    public void doing(Activity what) {
        activity.accept(what);
    }

    /** From now on the caller has {@code total} in all; any read after that ends with {@link Why#TIMED_OUT}. */
    public void finishWithin(Duration total) {
        deadline = System.nanoTime() + total.toNanos();
        idleNanos = Long.MAX_VALUE;
    }

    /** From now on the caller may be idle for {@code limit} between keys, however long the session lasts. */
    public void idleAtMost(Duration limit) {
        deadline = Long.MAX_VALUE;
        idleNanos = limit.toNanos();
    }

    public int width() {
        return Math.max(1, size.get().columns());
    }

    public int height() {
        return Math.max(1, size.get().rows());
    }

    public TerminalProfile profile() {
        return profile.get();
    }

    /** The look of titles and banners for this terminal at its current width. */
    public Theme theme() {
        return new Theme(profile(), width());
    }

    public void print(String text) {
        write(profile().encode(text));
    }

    public void println(String text) {
        print(text + "\r\n");
    }

    public void println() {
        print("\r\n");
    }

    /** Shows {@code label: } and reads one line. A line longer than {@link #MAX_LINE} is refused with a notice and asked again. */
    public String prompt(String label, Echo echo) {
        while (true) {
            print(label + ": ");
            var line = readLine(label, echo);
            if (line != null) return line;
            println("That is too long: at most " + MAX_LINE + " characters, please.");
        }
    }

    /**
     * Shows {@code prompt: } and waits for one of {@code keys} (upper-case letters or digits; the caller may type
     * either case), without Enter. Other keys are ignored. Returns the key, upper-case.
     */
    public char choose(String prompt, String keys) {
        print(prompt + ": ");
        while (true) {
            int key = nextKey();
            if (key == NOTICE) {
                showNotices();
                print(prompt + ": ");
                continue;
            }
            char upper = key < 128 ? Character.toUpperCase((char) key) : 0;
            if (upper > ' ' && keys.indexOf(upper) >= 0) {
                println(String.valueOf(upper));
                discardLineEnds();
                return upper;
            }
            if (key >= ' ' && key != DEL) write(new byte[] {BELL});
        }
    }

    /** Prints lines a screenful at a time, asking before each next one. */
    public void page(List<String> lines) {
        int perScreen = Math.max(3, height() - 2);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0 && i % perScreen == 0 && choose("[M] More  [Q] Quit", "MQ") == 'Q') return;
            println(lines.get(i));
        }
    }

    /** Ends the conversation: the connection is dropped and the reader stops. Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        queue.clear();                                   // unblock a reader waiting to hand over a chunk
        hangUp.run();
    }

    /**
     * The caller's window changed size (call from any thread; never blocks). A {@link #readKey()} in progress returns
     * {@link Key.Named#RESIZED}; line and menu reads ignore it. When input is backed up the notice is dropped: the
     * screen then sees the new size at the next key.
     */
    public void resized() {
        if (!closed) queue.offer(new Wake());
    }

    /**
     * A notice that breaks into the session wherever the caller is (a page, new mail): shown at once if a prompt,
     * menu or editor is waiting for a key, otherwise at the next one; the prompt is shown again after it. From any
     * thread; never blocks. At most {@link #MAX_NOTICES} wait; more are dropped (the caller is away).
     */
    public void breakIn(String notice) {
        enqueue(new Notice(notice, true));
    }

    /** As {@link #breakIn}, without the bell: for a stream of lines the caller is watching (a chat room). */
    public void interject(String line) {
        enqueue(new Notice(line, false));
    }

    private void enqueue(Notice notice) {
        if (closed || noticeCount.incrementAndGet() > MAX_NOTICES) {
            noticeCount.decrementAndGet();
            return;
        }
        notices.add(notice);
        queue.offer(new Wake());
    }

    /** The notices waiting, oldest first, taken (for a screen that shows them itself, like the full-screen editor). */
    public List<String> takeNotices() {
        return taken().stream().map(Notice::text).toList();
    }

    private List<Notice> taken() {
        var taken = new java.util.ArrayList<Notice>();
        for (Notice notice; (notice = notices.poll()) != null; ) {
            noticeCount.decrementAndGet();
            taken.add(notice);
        }
        return taken;
    }

    /**
     * Waits for one key, for full-screen screens: characters, Ctrl-letters, and Enter, Tab, Backspace, Delete, arrows,
     * Home, End, Page Up and Page Down decoded from their escape sequences (VT100/xterm/ANSI-BBS forms). Other escape
     * sequences are skipped (bounded, like every read). Enter arrives once for CR, LF, CR LF or CR NUL.
     */
    public Key readKey() {
        while (true) {
            if (noticeCount.get() > 0) return Key.Named.NOTICE;
            wakeable = true;
            int b;
            try {
                b = nextByte();
            } finally {
                wakeable = false;
            }
            if (b == WAKE) return noticeCount.get() > 0 ? Key.Named.NOTICE : Key.Named.RESIZED;
            boolean lfOfCrLf = (b == LF || b == 0) && afterCr;
            afterCr = b == CR;
            if (lfOfCrLf) continue;
            switch (b) {
                case CR, LF -> {
                    return Key.Named.ENTER;
                }
                case TAB -> {
                    return Key.Named.TAB;
                }
                case BS, DEL -> {
                    return Key.Named.BACKSPACE;
                }
                case ESC -> {
                    var named = escapeSequence();
                    if (named != null) return named;
                }
                default -> {
                    if (b == 0) continue;
                    if (b < ' ') return new Key.Control((char) ('A' + b - 1));
                    if (b < 0x80) return new Key.Typed(b);
                    int codePoint = profile().characters() == TerminalProfile.Characters.CP437
                            ? TerminalProfile.cp437(b) : utf8(b);
                    if (codePoint >= 0xA0) return new Key.Typed(codePoint);
                }
            }
        }
    }

    /** After ESC: the named key of a CSI or SS3 sequence, or null for one we do not use (or a lone ESC). */
    private Key.Named escapeSequence() {
        int b = nextByte();
        if (b != '[' && b != 'O') {
            pushedBack = b;
            return null;
        }
        var parameters = new StringBuilder();
        for (int i = 0; i < MAX_ESCAPE_SEQUENCE; i++) {
            int c = nextByte();
            if (c < 0x20) {
                pushedBack = c;
                return null;
            }
            if (c >= 0x40 && c <= 0x7E) return named((char) c, parameters.toString());
            parameters.append((char) c);
        }
        return null;
    }

    private static Key.Named named(char last, String parameters) {
        return switch (last) {
            case 'A' -> Key.Named.UP;
            case 'B' -> Key.Named.DOWN;
            case 'C' -> Key.Named.RIGHT;
            case 'D' -> Key.Named.LEFT;
            case 'H' -> Key.Named.HOME;
            case 'F', 'K' -> Key.Named.END;                   // ESC [ K: End on ANSI-BBS terminals (SyncTERM)
            case '~' -> switch (parameters.split(";", 2)[0]) {
                case "1", "7" -> Key.Named.HOME;
                case "4", "8" -> Key.Named.END;
                case "3" -> Key.Named.DELETE;
                case "5" -> Key.Named.PAGE_UP;
                case "6" -> Key.Named.PAGE_DOWN;
                default -> null;
            };
            default -> null;
        };
    }

    private void write(byte[] bytes) {
        if (closed) throw new CallerGone(Why.HUNG_UP, "console closed");
        try {
            output.write(bytes);
            output.flush();
        } catch (IOException e) {
            throw new CallerGone(Why.HUNG_UP, "write failed: " + e.getMessage());
        }
    }

    /** Reads one line; null when it was too long. Notices break in and the prompt is shown again, typing and all. */
    private String readLine(String label, Echo echo) {
        var line = new StringBuilder();
        int count = 0;
        boolean overflow = false;
        while (true) {
            int key = nextKey();
            if (key == NOTICE) {
                showNotices();
                print(label + ": " + (echo == Echo.MASKED ? "*".repeat(count) : line.toString()));
                continue;
            }
            boolean lfOfCrLf = key == LF && afterCr;
            afterCr = key == CR;
            if (lfOfCrLf || key == 0) continue;
            switch (key) {
                case CR, LF -> {
                    println();
                    return overflow ? null : line.toString();
                }
                case BS, DEL -> {
                    if (count > 0) {
                        line.setLength(line.offsetByCodePoints(line.length(), -1));
                        count--;
                        print("\b \b");
                    }
                }
                case CTRL_U, CTRL_X -> {
                    print("\b \b".repeat(count));
                    line.setLength(0);
                    count = 0;
                }
                default -> {
                    if (key < ' ' || (key >= DEL && key < 0xA0)) continue;   // other control characters
                    if (count >= MAX_LINE) {
                        if (!overflow) write(new byte[] {BELL});
                        overflow = true;
                        continue;
                    }
                    line.appendCodePoint(key);
                    count++;
                    print(echo == Echo.MASKED ? "*" : Character.toString(key));
                }
            }
        }
    }

    /** The next key as a code point or control character; escape sequences and malformed UTF-8 are skipped. */
    private int nextKey() {
        while (true) {
            if (noticeCount.get() > 0) return NOTICE;
            wakeable = true;
            int b;
            try {
                b = nextByte();
            } finally {
                wakeable = false;
            }
            if (b == WAKE) continue;                     // a resize (line reads do not care) or a notice (above)
            if (b == ESC) {
                skipEscapeSequence();
                continue;
            }
            if (b < 0x80) return b;
            if (profile().characters() == TerminalProfile.Characters.CP437) return TerminalProfile.cp437(b);
            int codePoint = utf8(b);
            if (codePoint >= 0) return codePoint;
        }
    }

    private void skipEscapeSequence() {
        int b = nextByte();
        if (b != '[' && b != 'O') {
            pushedBack = b;
            return;
        }
        for (int i = 0; i < MAX_ESCAPE_SEQUENCE; i++) {
            int c = nextByte();
            if (c < 0x20) {
                pushedBack = c;                          // not part of a sequence after all: keep CR and friends
                return;
            }
            if (c >= 0x40 && c <= 0x7E) return;          // the final byte
        }
    }

    private int utf8(int lead) {
        int more;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            codePoint = lead & 0x07;
        } else {
            return -1;
        }
        for (int i = 0; i < more; i++) {
            int b = nextByte();
            if ((b & 0xC0) != 0x80) {
                pushedBack = b;
                return -1;
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
        }
        boolean overlong = (more == 2 && codePoint < 0x800) || (more == 3 && codePoint < 0x10000);
        if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return -1;
        return codePoint;
    }

    private int nextByte() {
        if (pushedBack >= 0) {
            int b = pushedBack;
            pushedBack = -1;
            return b;
        }
        while (position >= current.length) {
            var next = take();
            if (next == null) {
                if (wakeable) return WAKE;
                continue;
            }
            current = next;
            position = 0;
        }
        return current[position++] & 0xFF;
    }

    /** The next chunk's bytes; null for a wake-up. */
    private byte[] take() {
        if (ended != null) throw new CallerGone(ended.why(), ended.detail());
        long wait = Math.min(idleNanos, deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime());
        if (wait <= 0) throw new CallerGone(Why.TIMED_OUT, "out of time");
        Chunk chunk;
        try {
            chunk = queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerGone(Why.HUNG_UP, "interrupted");
        }
        if (chunk == null) throw new CallerGone(Why.TIMED_OUT, "no input in time");
        return switch (chunk) {
            case Bytes bytes -> bytes.bytes();
            case Wake wake -> null;
            case End end -> {
                ended = end;
                throw new CallerGone(end.why(), end.detail());
            }
        };
    }

    /** Shows the waiting notices on lines of their own, with a bell. */
    private void showNotices() {
        var shown = taken();
        if (shown.isEmpty()) return;
        var text = new StringBuilder(shown.stream().anyMatch(Notice::bell) ? "\u0007\r\n" : "\r\n");
        shown.forEach(notice -> text.append(notice.text()).append("\r\n"));
        print(text.toString());
    }

    /** After a hotkey, drops the Enter a line-mode client sends with it, if it is already here. */
    private void discardLineEnds() {
        afterCr = false;
        while (true) {
            if (pushedBack >= 0) return;
            if (position >= current.length) {
                if (!(queue.peek() instanceof Bytes next)) return;
                queue.poll();
                current = next.bytes();
                position = 0;
                continue;
            }
            int b = current[position] & 0xFF;
            if (b != CR && b != LF && b != 0) return;
            position++;
        }
    }

    private void pump() {
        var buffer = new byte[CHUNK_BYTES];
        try {
            while (!closed) {
                int n = input.read(buffer, 0, buffer.length);    // not read(buffer): one frame less on a stack kept while idle
                if (n < 0) {
                    deliver(new End(Why.HUNG_UP, "the connection ended"));
                    return;
                }
                if (n > 0) {
                    deliver(new Bytes(Arrays.copyOf(buffer, n)));
                    inputSeen.run();
                }
            }
        } catch (ProtocolViolation e) {
            deliver(new End(Why.PROTOCOL_ERROR, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            deliver(new End(Why.HUNG_UP, "read failed: " + e.getMessage()));
        }
    }

    private void deliver(Chunk chunk) {
        try {
            while (!closed && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the session is busy (or slow): wait, and so stop reading from the caller
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
