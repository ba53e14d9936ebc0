package dev.scrollback.adapters.persistence.shared;

import static dev.scrollback.adapters.persistence.shared.SampleEvents.ACCOUNT;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.ALICE;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.BOB;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.HASH;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.ROOM;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.SESSION;
import static dev.scrollback.adapters.persistence.shared.SampleEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrollback.adapters.persistence.audit.CheckpointKey;
import dev.scrollback.adapters.persistence.audit.JdbcAuditChain;
import dev.scrollback.application.audit.AuditVerification;
import dev.scrollback.application.shared.Actor;
import dev.scrollback.application.shared.EventMetadata;
import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.application.shared.UuidV7;
import dev.scrollback.domain.accounts.AccountEvent.AccountErased;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.chat.ChatRoomEvent;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.LineKind;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.DomainEvent;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure that keeps the proof (issue 7 item 7, decision 0021), on each backend: personal values are ciphertext in the
 * stored rows, every read opens them, erasing an account destroys its key so they read back erased everywhere while
 * the hash chain over the stored rows still verifies; tampering fails loudly; a store written in the clear is sealed
 * once on start.
 */
abstract class PersonalDataContract {
    @TempDir
    Path keyDirectory;

    private EventStore store;

    protected abstract StoreSettings settings();

    protected abstract Connection rawConnection() throws SQLException;

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
        store = null;
    }

    private static final EmailAddress EMAIL = new EmailAddress("alice@example.org");
    private static final RemoteAddress ADDRESS = new RemoteAddress("192.0.2.7");

    private static EventMetadata asAlice() {
        return new EventMetadata(Actor.user(ACCOUNT, ALICE), Origin.of(Channel.TELNET, ADDRESS).inSession(SESSION),
                T0, UuidV7.next(), Optional.empty());
    }

    private static EventMetadata asBob() {
        return new EventMetadata(Actor.user(BOB, new Handle("Bob")), Origin.of(Channel.WEB, new RemoteAddress("198.51.100.9")),
                T0, UuidV7.next(), Optional.empty());
    }

    private static ChatRoomEvent.ChatMessageSent said(String text) {
        return new ChatRoomEvent.ChatMessageSent(ROOM, ACCOUNT, ALICE, SESSION, LineKind.SAY, new ChatText(text), T0);
    }

    /** Alice registers (her email), then says something in a room (her text, her address); Bob says something too. */
    private void aliceAndBob() {
        var log = store.eventLog();
        log.append(new StreamAppend(StreamId.of("account", ACCOUNT), ExpectedVersion.noStream(),
                List.of(new AccountRegistered(ACCOUNT, ALICE, Optional.of(EMAIL), HASH, T0))), asAlice());
        log.append(new StreamAppend(StreamId.of("chatroom", ROOM), ExpectedVersion.any(), List.of(said("my secret line"))), asAlice());
        log.append(new StreamAppend(StreamId.of("chatroom", ROOM), ExpectedVersion.any(),
                List.of(new ChatRoomEvent.ChatMessageSent(ROOM, BOB, new Handle("Bob"), SESSION, LineKind.SAY, new ChatText("bob here"), T0))),
                asBob());
    }

    private void erase(dev.scrollback.domain.shared.AccountId account) {
        store.eventLog().append(new StreamAppend(StreamId.of("account", account), ExpectedVersion.any(),
                List.of(new AccountErased(account, T0.plusSeconds(60)))), asAlice());
    }

    private List<String> storedText(String column) throws SQLException {
        try (var connection = rawConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT " + column + " FROM domain_event_entry ORDER BY globalIndex")) {
            var texts = new java.util.ArrayList<String>();
            while (rows.next()) texts.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
            return texts;
        }
    }

    private String allStored() throws SQLException {
        return String.join("\n", storedText("payload")) + "\n" + String.join("\n", storedText("metaData"));
    }

    private String feed() {
        return store.eventFeed().after(0, 100).stream()
                .map(item -> item.data().value() + " " + item.origin().address().map(RemoteAddress::value).orElse("-"))
                .reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void personal_values_are_ciphertext_in_the_rows_and_every_read_opens_them() throws SQLException {
        store = EventStore.open(settings());
        aliceAndBob();

        var stored = allStored();
        assertThat(stored).doesNotContain("alice@example.org", "my secret line", "192.0.2.7", "bob here", "198.51.100.9")
                .contains("\"personal\":{\"key\":\"account:" + ACCOUNT + "\",\"nonce\":\"", "\"ciphertext\":\"",
                        "\"key\":\"account:" + BOB + "\"");

        var history = store.eventLog().read(StreamId.of("account", ACCOUNT));
        assertThat(((AccountRegistered) history.events().getFirst().event()).email()).contains(EMAIL);
        assertThat(history.events().getFirst().metadata().origin().address()).contains(ADDRESS);
        var lines = store.eventLog().read(StreamId.of("chatroom", ROOM)).events().stream().map(e -> e.event()).toList();
        assertThat(lines).containsExactly(said("my secret line"),
                new ChatRoomEvent.ChatMessageSent(ROOM, BOB, new Handle("Bob"), SESSION, LineKind.SAY, new ChatText("bob here"), T0));
        assertThat(feed()).contains("{\"personal\":\"alice@example.org\"}", "{\"personal\":\"my secret line\"}", "192.0.2.7")
                .doesNotContain("ciphertext");
        assertThat(dataKey("account:" + ACCOUNT)).hasSize(32);
    }

    @Test
    void an_erased_account_reads_back_erased_everywhere_while_the_rows_keep_their_ciphertext_and_the_chain_verifies() throws SQLException {
        store = EventStore.open(settings());
        aliceAndBob();
        var chain = JdbcAuditChain.open(settings(), store.storedRecords(), CheckpointKey.inDataDirectory(keyDirectory), Clock.systemUTC());
        try {
            chain.seal();
            var before = storedText("payload");

            erase(ACCOUNT);

            assertThat(storedText("payload").subList(0, before.size())).isEqualTo(before);     // untouched ciphertext
            assertThat(dataKey("account:" + ACCOUNT)).isNull();                                 // the key is gone
            assertThat(dataKey("account:" + BOB)).hasSize(32);
            var registered = (AccountRegistered) store.eventLog().read(StreamId.of("account", ACCOUNT)).events().getFirst().event();
            assertThat(registered.email()).contains(EmailAddress.ERASED);
            assertThat(registered.email().get().erased()).isTrue();
            var lines = store.eventLog().read(StreamId.of("chatroom", ROOM)).events();
            assertThat(((ChatRoomEvent.ChatMessageSent) lines.get(0).event()).text()).isSameAs(ChatText.ERASED);
            assertThat(lines.get(0).metadata().origin().address()).contains(RemoteAddress.ERASED);
            assertThat(((ChatRoomEvent.ChatMessageSent) lines.get(1).event()).text()).isEqualTo(new ChatText("bob here"));
            assertThat(feed()).contains("{\"erased\":true}", "bob here", "198.51.100.9")
                    .doesNotContain("alice@example.org", "my secret line", "192.0.2.7", "ciphertext");

            chain.seal();
            assertThat(chain.verify()).isEqualTo(AuditVerification.passed(4, 2));
        } finally {
            chain.close();
        }

        store.close();                                  // a restart reads the same: nothing was cached that survives
        store = EventStore.open(settings());
        var registered = (AccountRegistered) store.eventLog().read(StreamId.of("account", ACCOUNT)).events().getFirst().event();
        assertThat(registered.email()).contains(EmailAddress.ERASED);
    }

    @Test
    void personal_values_written_for_an_erased_account_are_stored_erased_and_no_new_key_is_made() throws SQLException {
        store = EventStore.open(settings());
        aliceAndBob();
        erase(ACCOUNT);

        // a connection of hers still open appends after the erasure: her line and address are destroyed on arrival
        var appended = store.eventLog().append(new StreamAppend(StreamId.of("chatroom", ROOM), ExpectedVersion.any(),
                List.of(said("after the end"))), asAlice());

        assertThat(dataKey("account:" + ACCOUNT)).isNull();
        assertThat(allStored()).doesNotContain("after the end", "192.0.2.7");
        assertThat(storedText("payload").getLast()).contains("\"text\":{\"erased\":true}");
        assertThat(storedText("metaData").getLast()).contains("\"address\":{\"erased\":true}");
        var read = store.eventLog().read(StreamId.of("chatroom", ROOM)).events().getLast();
        assertThat(read.position()).isEqualTo(appended.getFirst().position());
        assertThat(((ChatRoomEvent.ChatMessageSent) read.event()).text()).isSameAs(ChatText.ERASED);
        assertThat(read.metadata().origin().address()).contains(RemoteAddress.ERASED);
    }

    @Test
    void tampered_ciphertext_nonce_or_owner_fails_naming_the_position() throws SQLException {
        store = EventStore.open(settings());
        aliceAndBob();
        var payload = storedText("payload").get(1);                  // Alice's chat line, position 2
        var ciphertext = payload.replaceAll(".*\"ciphertext\":\"([^\"]+)\".*", "$1");
        var flipped = (ciphertext.charAt(0) == 'A' ? 'B' : 'A') + ciphertext.substring(1);

        for (var tampered : List.of(payload.replace(ciphertext, flipped),
                payload.replaceAll("\"nonce\":\"[^\"]+\"", "\"nonce\":\"AAAAAAAAAAAAAAAA\""),
                payload.replace("account:" + ACCOUNT, "account:" + BOB),
                payload.replaceAll("\"nonce\":\"[^\"]+\"", "\"nonce\":\"AAAA\""))) {
            write(2, tampered);
            assertThatThrownBy(() -> store.eventLog().read(StreamId.of("chatroom", ROOM)))
                    .isInstanceOf(UnreadableEvent.class)
                    .hasMessageContaining("position 2");
            assertThatThrownBy(() -> store.eventFeed().after(1, 1)).isInstanceOf(UnreadableEvent.class).hasMessageContaining("position 2");
        }
        write(2, payload.replace(ciphertext, flipped));
        assertThatThrownBy(() -> store.eventLog().read(StreamId.of("chatroom", ROOM))).hasMessageContaining("authentication tag");
        write(2, payload.replace("account:" + ACCOUNT, "account:" + BOB));
        assertThatThrownBy(() -> store.eventLog().read(StreamId.of("chatroom", ROOM))).hasMessageContaining("authentication tag");
    }

    @Test
    void a_store_written_in_the_clear_is_sealed_once_on_start_and_its_audit_chain_sealed_again() throws SQLException {
        store = EventStore.open(settings());
        aliceAndBob();
        var chain = JdbcAuditChain.open(settings(), store.storedRecords(), CheckpointKey.inDataDirectory(keyDirectory), Clock.systemUTC());
        chain.seal();
        chain.close();
        // Make it a store from before decision 0021: clear values, the old way, and no migration marker
        var clear = EventJson.standard();
        var events = List.<DomainEvent>of(new AccountRegistered(ACCOUNT, ALICE, Optional.of(EMAIL), HASH, T0), said("my secret line"));
        for (int i = 0; i < events.size(); i++) write(i + 1, new String(clear.encode(events.get(i)).json(), StandardCharsets.UTF_8));
        var metadata = storedText("metaData").getFirst();
        var address = metadata.replaceAll(".*\"address\":(\\{\"personal\":\\{[^}]+\\}\\}).*", "$1");
        updateMetadata(1, metadata.replace(address, "\"192.0.2.7\""));
        try (var connection = rawConnection(); var statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + SealMigration.MARKER_TABLE);
        }
        store.close();
        assertThat(allStored()).contains("alice@example.org", "my secret line", "192.0.2.7");

        store = EventStore.open(settings());

        assertThat(allStored()).doesNotContain("alice@example.org", "my secret line", "192.0.2.7");
        assertThat(markerRewritten()).isEqualTo(2);
        assertThat(((AccountRegistered) store.eventLog().read(StreamId.of("account", ACCOUNT)).events().getFirst().event()).email())
                .contains(EMAIL);
        assertThat(store.eventLog().read(StreamId.of("account", ACCOUNT)).events().getFirst().metadata().origin().address())
                .contains(ADDRESS);
        assertThat(tableExists("audit_chain")).isFalse();                        // dropped: it covered the clear text
        chain = JdbcAuditChain.open(settings(), store.storedRecords(), CheckpointKey.inDataDirectory(keyDirectory), Clock.systemUTC());
        try {
            assertThat(chain.seal()).isEqualTo(3);
            assertThat(chain.verify()).isEqualTo(AuditVerification.passed(3, 1));
        } finally {
            chain.close();
        }
        var sealed = allStored();
        store.close();

        store = EventStore.open(settings());                                     // a second start changes nothing
        assertThat(allStored()).isEqualTo(sealed);
        assertThat(markerRewritten()).isEqualTo(2);
        assertThat(tableExists("audit_chain")).isTrue();
    }

    private byte[] dataKey(String owner) throws SQLException {
        try (var connection = rawConnection();
             var query = connection.prepareStatement("SELECT data_key FROM " + DataKeys.TABLE + " WHERE owner = ?")) {
            query.setString(1, owner);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("a row for " + owner).isTrue();
                return rows.getBytes(1);
            }
        }
    }

    private long markerRewritten() throws SQLException {
        try (var connection = rawConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT rewritten FROM " + SealMigration.MARKER_TABLE)) {
            assertThat(rows.next()).isTrue();
            var rewritten = rows.getLong(1);
            assertThat(rows.next()).isFalse();
            return rewritten;
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (var connection = rawConnection(); var rows = connection.getMetaData().getTables(null, null, null, null)) {
            while (rows.next()) if (rows.getString("TABLE_NAME").equalsIgnoreCase(table)
                    && (connection.getSchema() == null || connection.getSchema().equalsIgnoreCase(rows.getString("TABLE_SCHEM")))) return true;
            return false;
        }
    }

    private void write(long position, String payload) throws SQLException {
        try (var connection = rawConnection();
             var update = connection.prepareStatement("UPDATE domain_event_entry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void updateMetadata(long position, String metadata) throws SQLException {
        try (var connection = rawConnection();
             var update = connection.prepareStatement("UPDATE domain_event_entry SET metaData = ? WHERE globalIndex = ?")) {
            update.setBytes(1, metadata.getBytes(StandardCharsets.UTF_8));
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
