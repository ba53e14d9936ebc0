package dev.scrollback.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.adapters.persistence.shared.EventStore;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar scrollback.jar verify-audit}, run as a real process on a real store, before and after tampering. */
class VerifyAuditCommandLineTest {
    @TempDir
    Path data;

    private CommandLineRun scrollback(Map<String, String> env, String... args) throws Exception {
        return CommandLineRun.run(data, env, args);
    }

    /** What a serving process does every few seconds (an admin command only appends). */
    private long seal() {
        var settings = new StoreSettings.Embedded(data);
        try (var store = EventStore.open(settings);
             var chain = JdbcAuditChain.open(settings, store.storedRecords(), CheckpointKey.inDataDirectory(data), Clock.systemUTC())) {
            return chain.seal();
        }
    }

    @Test
    void verify_audit_passes_on_an_untouched_log_and_names_the_first_edited_position() throws Exception {
        var created = scrollback(Map.of("SCROLLBACK_SYSOP_PASSWORD", "a long sysop passphrase"),
                "admin", "create-sysop", "--handle", "Keeper");
        assertThat(created.exit()).as(created.stdout() + created.stderr()).isZero();
        long events = seal();
        assertThat(events).isGreaterThan(2);

        var good = scrollback(Map.of(), "verify-audit");
        assertThat(good.exit()).as(good.stderr()).isZero();
        assertThat(good.stdout().strip()).isEqualTo("verified " + events + " events, 1 checkpoints");

        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("events/scrollback") + ";IFEXISTS=TRUE", "sa", "");
             var query = connection.prepareStatement("SELECT payload FROM domain_event_entry WHERE globalIndex = 2");
             var rows = query.executeQuery()) {
            rows.next();
            var payload = rows.getBytes(1);
            payload[payload.length - 2] ^= 1;
            try (var update = connection.prepareStatement("UPDATE domain_event_entry SET payload = ? WHERE globalIndex = 2")) {
                update.setBytes(1, payload);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }

        var bad = scrollback(Map.of(), "verify-audit");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.stderr()).contains("first bad position 2:", "altered");

        var wrong = scrollback(Map.of(), "verify-audit", "--now");
        assertThat(wrong.exit()).isEqualTo(2);
    }
}
