package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.editor.Draft;
import dev.scrollback.adapters.telnet.editor.TextRules;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices break into a session wherever the caller is (issue 5: pages): a prompt with half a line typed, a hotkey menu,
 * the full-screen editor. Nothing typed is lost, and the prompt is shown again after the notice.
 */
class BreakInTest {
    final PipedOutputStream keys = new PipedOutputStream();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    final CallerConsole console;
    final java.util.concurrent.ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor();

    BreakInTest() throws Exception {
        console = CallerConsole.open(new PipedInputStream(keys, 4096), screen, () -> new ScreenSize(80, 24),
                () -> TerminalProfile.UTF_8_COLOUR, () -> { }, "break-in-test");
    }

    @AfterEach
    void close() {
        console.close();
        thread.shutdownNow();
    }

    @Test
    void a_notice_at_a_prompt_shows_at_once_and_the_half_typed_line_is_kept() throws Exception {
        var answer = CompletableFuture.supplyAsync(() -> console.prompt("Subject", Echo.VISIBLE), thread);
        type("hel");
        until(() -> shown().endsWith("Subject: hel"));
        console.breakIn("*** Page from Amiga: lunch? ***");
        until(() -> shown().contains("*** Page from Amiga: lunch? ***\r\nSubject: hel"));
        type("lo\r");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(shown()).contains("\u0007");
    }

    @Test
    void a_notice_at_a_hotkey_menu_shows_and_the_menu_still_takes_its_key() throws Exception {
        var choice = CompletableFuture.supplyAsync(() -> console.choose("Your choice", "GW"), thread);
        until(() -> shown().endsWith("Your choice: "));
        console.breakIn("*** New mail from Bbsfan: Hi ***");
        until(() -> shown().endsWith("*** New mail from Bbsfan: Hi ***\r\nYour choice: "));
        type("w");
        assertThat(choice.get(10, TimeUnit.SECONDS)).isEqualTo('W');
    }

    @Test
    void a_notice_while_writing_full_screen_shows_in_the_key_bar_and_the_text_is_kept() throws Exception {
        var rules = new TextRules<>(text -> text, invalid -> "no", 10);
        var text = CompletableFuture.supplyAsync(() -> Composer.fullScreenWherePossible().compose(console, Draft.empty(), rules),
                thread);
        type("draft");
        until(() -> shown().contains("column 6"));
        console.breakIn("Page from Amiga: lunch?");
        until(() -> shown().contains(" Page from Amiga: lunch?"));
        type(" text\u001a");
        assertThat(text.get(10, TimeUnit.SECONDS)).hasValue("draft text");
    }

    @Test
    void notices_beyond_the_limit_are_dropped_not_hoarded() {
        for (int i = 0; i < 100; i++) console.breakIn("notice " + i);
        assertThat(console.takeNotices()).hasSize(64).first().isEqualTo("notice 0");
        assertThat(console.takeNotices()).isEmpty();
    }

    private void type(String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String shown() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private void until(BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("gave up waiting; the screen shows: " + shown());
            Thread.sleep(5);
        }
    }
}
