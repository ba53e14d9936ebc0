package dev.scrollback.adapters.telnet.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.ScreenSize;
import dev.scrollback.adapters.telnet.shared.TerminalProfile;
import dev.scrollback.domain.shared.InvalidValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The full-screen editor driven by the bytes a terminal sends (keys and their escape sequences), through the real
 * console: what is saved, what is refused, what the screen shows, and that hostile input stays bounded.
 */
class FullScreenEditorTest {
    static final String UP = "\u001b[A", DOWN = "\u001b[B", RIGHT = "\u001b[C", LEFT = "\u001b[D";
    static final String HOME = "\u001b[H", END = "\u001b[F", DELETE = "\u001b[3~", PAGE_UP = "\u001b[5~";
    static final String SAVE = "\u001a", ABORT = "\u0018", CUT_LINE = "\u0019", TO_LINE_EDITOR = "\u0014", BACKSPACE = "\u007f";

    /** Anything but blank, at most 20 lines: like a message body, without the domain. */
    static final TextRules<String> TEXT = new TextRules<>(text -> {
        if (text.isBlank()) throw new InvalidValue("body", "is required");
        return text;
    }, invalid -> "The message " + invalid.getMessage() + ".", 20);

    final AtomicReference<ScreenSize> size = new AtomicReference<>(new ScreenSize(80, 24));
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    Optional<String> compose(Draft draft, String typed) {
        return compose(draft, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), TerminalProfile.UTF_8_COLOUR);
    }

    Optional<String> compose(Draft draft, InputStream typed, TerminalProfile profile) {
        try (var console = CallerConsole.open(typed, screen, size::get, () -> profile, () -> { }, "editor-test")) {
            return Composer.fullScreenWherePossible().compose(console, draft, TEXT);
        }
    }

    String shown() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void typing_moving_splitting_and_joining_make_the_text_that_is_saved() {
        var text = compose(Draft.empty(), "Hello world\rsecond" + LEFT.repeat(6) + "the " + END + " line"
                + UP + HOME + DELETE + "h" + DOWN + END + "\r" + "third" + BACKSPACE.repeat(5) + BACKSPACE + SAVE);

        assertThat(text).hasValue("hello world\nthe second line");
        assertThat(shown()).contains("Full-screen editor").contains(FullScreenEditor.KEYS)
                .contains("\u001b[2J").doesNotContain("Type your message a line at a time");
    }

    @Test
    void a_reply_keeps_the_quote_and_writes_below_it_and_a_line_can_be_cut() {
        var text = compose(Draft.quoting("> Is anybody out there?\n>\n> Hello?"),
                "Yes, here!" + UP + CUT_LINE + SAVE);

        assertThat(text).hasValue("> Is anybody out there?\n>\nYes, here!");
        assertThat(shown()).contains("> Is anybody out there?");
    }

    @Test
    void a_word_that_runs_past_the_margin_wraps_to_the_next_line() {
        size.set(new ScreenSize(30, 12));                               // margin: 29 columns
        var text = compose(Draft.empty(), "The quick brown fox jumps over the lazy dog again and again" + SAVE);

        assertThat(text).hasValueSatisfying(t -> {
            assertThat(t.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(29));
            assertThat(t.replace("\n", " ")).isEqualTo("The quick brown fox jumps over the lazy dog again and again");
            assertThat(t.lines()).first().isEqualTo("The quick brown fox jumps");
        });
    }

    @Test
    void a_refused_text_keeps_the_caller_editing_and_abandoning_asks_first() {
        var text = compose(Draft.empty(), "   " + SAVE + ABORT + "n" + "kept" + ABORT + "y");

        assertThat(text).isEmpty();
        assertThat(shown()).contains("The message is required. Still editing.")
                .contains("Abandon this message? Y abandons it").contains("Discarded.").contains("\u0007");
    }

    @Test
    void the_caller_can_switch_to_the_line_editor_and_back_without_losing_a_line() {
        var text = compose(Draft.empty(), "first line\rsecond" + TO_LINE_EDITOR + "third\r/f\r" + DOWN + DOWN + END + "!" + SAVE);

        assertThat(text).hasValue("first line\nsecond\nthird!");
        assertThat(shown()).contains("Switched to the line editor.").contains("/f full-screen editor");
    }

    @Test
    void switching_before_writing_anything_hands_over_no_lines() {
        assertThat(compose(Draft.empty(), TO_LINE_EDITOR + "only\r/s\r")).hasValue("only");
    }

    @Test
    void dumb_terminals_and_tiny_windows_get_the_line_editor() {
        var dumb = compose(Draft.empty(), new ByteArrayInputStream("plain\r/s\r".getBytes(StandardCharsets.US_ASCII)),
                TerminalProfile.PLAIN);
        assertThat(dumb).hasValue("plain");
        assertThat(shown()).doesNotContain("\u001b[").doesNotContain("/f full-screen");

        screen.reset();
        size.set(new ScreenSize(80, 4));
        assertThat(compose(Draft.empty(), "small\r/s\r")).hasValue("small");
        assertThat(shown()).contains("Type your message a line at a time");
    }

    @Test
    void a_resize_while_waiting_for_a_key_redraws_at_the_new_size_at_once() throws Exception {
        var keys = new PipedOutputStream();
        var typed = new PipedInputStream(keys, 4096);
        var result = new AtomicReference<Optional<String>>();
        var consoleRef = new AtomicReference<CallerConsole>();
        var editing = Thread.ofVirtual().start(() -> {
            try (var console = CallerConsole.open(typed, screen, size::get, () -> TerminalProfile.UTF_8_COLOUR, () -> { },
                    "resize-editor-test")) {
                consoleRef.set(console);
                result.set(Composer.fullScreenWherePossible().compose(console, Draft.empty(), TEXT));
            }
        });
        keys.write("abc".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        until(() -> shown().contains("column 4"));
        size.set(new ScreenSize(50, 10));
        consoleRef.get().resized();
        until(() -> shown().contains("\u001b[10;1H"));                 // the key bar, now on row 10
        keys.write(SAVE.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        editing.join(Duration.ofSeconds(10));
        assertThat(result.get()).hasValue("abc");
    }

    @Test
    void a_flood_of_hostile_bytes_stays_within_the_line_and_length_bounds() {
        var random = new Random(42);
        var flood = new ByteArrayOutputStream();
        for (int i = 0; i < 200_000; i++) {
            int pick = random.nextInt(100);
            if (pick < 70) flood.write('a' + random.nextInt(26));
            else if (pick < 78) flood.write(' ');
            else if (pick < 80) flood.write('\r');
            else if (pick < 85) flood.write(random.nextInt(32));                          // control keys, Ctrl-X/Z too
            else if (pick < 90) flood.writeBytes(("\u001b[" + random.nextInt(1_000_000) + "~").getBytes(StandardCharsets.US_ASCII));
            else if (pick < 95) flood.writeBytes(List.of(UP, DOWN, LEFT, RIGHT, HOME, END, PAGE_UP, DELETE)
                    .get(random.nextInt(8)).getBytes(StandardCharsets.US_ASCII));
            else flood.write(0x80 + random.nextInt(128));                                  // broken UTF-8
        }
        flood.writeBytes("\u001b[".getBytes(StandardCharsets.US_ASCII));
        flood.writeBytes("9".repeat(10_000).getBytes(StandardCharsets.US_ASCII));          // an endless sequence
        flood.writeBytes(SAVE.getBytes(StandardCharsets.US_ASCII));
        var keys = stripEndingKeys(flood.toByteArray());

        var text = compose(Draft.empty(), new ByteArrayInputStream(keys), TerminalProfile.UTF_8_COLOUR);

        assertThat(text).hasValueSatisfying(t -> {
            assertThat(t.lines().count()).isLessThanOrEqualTo(TEXT.maxLines());
            assertThat(t.lines()).allSatisfy(line ->
                    assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(CallerConsole.MAX_LINE));
            assertThat(t.codePoints()).noneMatch(c -> c < ' ' && c != '\n');
        });
    }

    /** Ctrl-X, Ctrl-Z and Ctrl-T would end the flood early: keep every other byte, so the save at the end ends it. */
    private static byte[] stripEndingKeys(byte[] bytes) {
        var kept = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] != 0x18 && bytes[i] != 0x1a && bytes[i] != 0x14) kept.write(bytes[i]);
        }
        kept.write(bytes[bytes.length - 1]);
        return kept.toByteArray();
    }

    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting");
            Thread.sleep(10);
        }
    }
}
