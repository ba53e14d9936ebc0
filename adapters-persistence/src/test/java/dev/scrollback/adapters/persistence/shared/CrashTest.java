package dev.scrollback.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.application.shared.RecordedEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability against a crash, with a real second JVM: every append acknowledged before a kill -9 is in the store
 * after it is reopened. And the embedded store refuses, clearly, to be opened by two processes at once.
 */
class CrashTest {
    private static final int ACKS_BEFORE_KILL = 2000;

    @TempDir
    Path dataDirectory;

    @Test
    void every_acknowledged_append_survives_kill_9_of_the_embedded_store() throws Exception {
        var acknowledged = appendUntilKilled("embedded", dataDirectory.toString());
        try (var store = EventStore.open(new StoreSettings.Embedded(dataDirectory))) {
            assertThat(storedIds(store)).containsAll(acknowledged);
        }
    }

    @Test
    void every_acknowledged_append_survives_kill_9_with_postgresql() throws Exception {
        try (var schema = new PostgresSchema()) {
            var acknowledged = appendUntilKilled("postgres", schema.url());
            try (var store = EventStore.open(schema.settings())) {
                assertThat(storedIds(store)).containsAll(acknowledged);
            }
        }
    }

    @Test
    void a_second_process_cannot_open_the_embedded_store_and_is_told_why() throws Exception {
        var holder = child("hold", dataDirectory.toString(), "0");
        try (var lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("open");
            assertThatThrownBy(() -> EventStore.open(new StoreSettings.Embedded(dataDirectory)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process")
                    .hasMessageContaining(dataDirectory.resolve("events").toString());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (var store = EventStore.open(new StoreSettings.Embedded(dataDirectory))) {
            assertThat(store.isOpen()).isTrue();
            assertThatThrownBy(() -> EventStore.open(new StoreSettings.Embedded(dataDirectory)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open in this process");
        }
    }

    private static List<UUID> appendUntilKilled(String mode, String where) throws Exception {
        var process = child(mode, where, "8");
        var acknowledged = new ArrayList<UUID>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = lines.readLine(); line != null && acknowledged.size() < ACKS_BEFORE_KILL; line = lines.readLine()) {
                if (line.startsWith("ack ")) acknowledged.add(UUID.fromString(line.substring(4)));
            }
            process.destroyForcibly();                                   // SIGKILL: no shutdown hooks, no close
            process.waitFor();
        }
        assertThat(acknowledged).as("acknowledgements before the kill").hasSize(ACKS_BEFORE_KILL);
        return acknowledged;
    }

    private static Process child(String... args) throws Exception {
        var java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), AppendUntilKilled.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Set<UUID> storedIds(EventStore store) {
        return EventLogContract.readAll(store.eventLog()).stream().map(RecordedEvent::id).collect(Collectors.toCollection(HashSet::new));
    }
}
