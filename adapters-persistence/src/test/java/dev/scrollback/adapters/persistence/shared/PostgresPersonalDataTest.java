package dev.scrollback.adapters.persistence.shared;

import java.sql.Connection;
import java.sql.SQLException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrollback.application.shared.ExpectedVersion;
import dev.scrollback.application.shared.RecordedEvent;
import dev.scrollback.application.shared.StreamAppend;
import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.accounts.AccountEvent.AccountErased;
import dev.scrollback.domain.accounts.AccountEvent.AccountRegistered;
import dev.scrollback.domain.accounts.EmailAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Erasure that keeps the proof on PostgreSQL, each test in a schema of its own. Fails (never skips) without PostgreSQL. */
class PostgresPersonalDataTest extends PersonalDataContract {
    private final PostgresSchema schema;

    PostgresPersonalDataTest() throws SQLException {
        schema = new PostgresSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        closeStore();
        schema.close();
    }

    /**
     * Two instances on one database: the second has the account's key cached from reading its data; the first erases
     * it. The second drops the key when it reads the erasure (every instance reads every event), and from then reads
     * the account's values erased too; the key row is shared, so neither can make a fresh one.
     */
    @Test
    void another_instance_forgets_the_key_when_it_reads_the_erasure() {
        var metadata = SampleEvents.metadata();
        var account = StreamId.of("account", SampleEvents.ACCOUNT);
        try (var first = EventStore.open(settings()); var second = EventStore.open(settings())) {
            first.eventLog().append(new StreamAppend(account, ExpectedVersion.noStream(), List.of(new AccountRegistered(
                    SampleEvents.ACCOUNT, SampleEvents.ALICE, Optional.of(new EmailAddress("alice@example.org")), SampleEvents.HASH,
                    SampleEvents.T0))), metadata);
            assertThat(email(second, account)).contains(new EmailAddress("alice@example.org"));      // cached there now

            var erasure = first.eventLog().append(new StreamAppend(account, ExpectedVersion.exactly(0),
                    List.of(new AccountErased(SampleEvents.ACCOUNT, SampleEvents.T0.plusSeconds(5)))), metadata);

            assertThat(second.eventLog().readAfter(erasure.getFirst().position() - 1, 10))
                    .extracting(RecordedEvent::event).contains(erasure.getFirst().event());
            assertThat(email(second, account)).contains(EmailAddress.ERASED);
            assertThat(email(first, account)).contains(EmailAddress.ERASED);
        }
    }

    private static Optional<EmailAddress> email(EventStore store, StreamId account) {
        return ((AccountRegistered) store.eventLog().read(account).events().getFirst().event()).email();
    }

    @Override
    protected StoreSettings settings() {
        return schema.settings();
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return schema.connect();
    }
}
