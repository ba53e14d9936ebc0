package dev.scrollback.adapters.persistence.webhooks;

import com.zaxxer.hikari.HikariDataSource;
import dev.scrollback.adapters.persistence.shared.InTransaction;
import dev.scrollback.adapters.persistence.shared.SidePool;
import dev.scrollback.adapters.persistence.shared.StoreSettings;
import dev.scrollback.application.webhooks.DeliveryAttempt;
import dev.scrollback.application.webhooks.Subscription;
import dev.scrollback.application.webhooks.WebhookSecret;
import dev.scrollback.application.webhooks.WebhookStore;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookFilter;
import dev.scrollback.domain.webhooks.WebhookId;
import dev.scrollback.domain.webhooks.WebhookState.Status;
import dev.scrollback.domain.webhooks.WebhookUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The webhook subscriptions (decision 0022) in tables {@code webhook_subscription} and {@code webhook_delivery} of the
 * event store's own database (embedded H2 or PostgreSQL), so every instance sharing the events shares them. Made if
 * missing. The lease that lets one instance at a time deliver a subscription is a conditional update of its row, in
 * epoch milliseconds so that the comparison is numeric; other instants are ISO-8601 text (exact on both databases).
 */
public final class JdbcWebhookStore implements WebhookStore, AutoCloseable {
    private static final String COLUMNS = "id, url, event_types, categories, description, status, cursor_position, created_at,"
            + " failing_position, failing_since, failed_attempts, next_attempt, last_error";

    private final HikariDataSource pool;

    private JdbcWebhookStore(HikariDataSource pool) {
        this.pool = pool;
    }

    public static JdbcWebhookStore open(StoreSettings settings) {
        var side = SidePool.open(settings, "scrollback-webhooks", "the webhook tables", JdbcWebhookStore::createTables);
        return new JdbcWebhookStore(side.pool());
    }

    private static void createTables(Connection connection, boolean postgres) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS webhook_subscription (
                        id VARCHAR(36) NOT NULL PRIMARY KEY,
                        url VARCHAR(2000) NOT NULL,
                        event_types VARCHAR(12000) NOT NULL,
                        categories VARCHAR(4000) NOT NULL,
                        description VARCHAR(1000) NOT NULL,
                        status VARCHAR(16) NOT NULL,
                        cursor_position BIGINT NOT NULL,
                        created_at VARCHAR(40) NOT NULL,
                        secret VARCHAR(200) NOT NULL,
                        previous_secret VARCHAR(200),
                        previous_until VARCHAR(40),
                        failing_position BIGINT,
                        failing_since VARCHAR(40),
                        failed_attempts INT NOT NULL DEFAULT 0,
                        next_attempt VARCHAR(40),
                        last_error VARCHAR(400),
                        lease_holder VARCHAR(100),
                        lease_until BIGINT,
                        log_sequence BIGINT NOT NULL DEFAULT 0)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS webhook_delivery (
                        webhook VARCHAR(36) NOT NULL,
                        sequence_number BIGINT NOT NULL,
                        attempted_at VARCHAR(40) NOT NULL,
                        event_position BIGINT NOT NULL,
                        message VARCHAR(36) NOT NULL,
                        attempt INT NOT NULL,
                        status INT,
                        error VARCHAR(400),
                        latency_ms BIGINT NOT NULL,
                        is_test BOOLEAN NOT NULL,
                        PRIMARY KEY (webhook, sequence_number))""");
        }
    }

    @Override
    public void add(Subscription s, WebhookSecret secret) {
        update("add webhook " + s.id(), "INSERT INTO webhook_subscription (id, url, event_types, categories, description, status,"
                        + " cursor_position, created_at, secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id().toString(), s.url().value(), String.join(",", s.filter().eventTypes()),
                String.join(",", s.filter().categories()), s.description().value(), s.status().name(), s.cursor(),
                s.createdAt().toString(), secret.value());
    }

    @Override
    public List<Subscription> all() {
        return query("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at, id");
    }

    @Override
    public Optional<Subscription> find(WebhookId id) {
        return query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?", id.toString()).stream().findFirst();
    }

    @Override
    public Optional<SigningSecrets> secrets(WebhookId id) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement(
                     "SELECT secret, previous_secret, previous_until FROM webhook_subscription WHERE id = ?")) {
            query.setString(1, id.toString());
            try (var rows = query.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                return Optional.of(new SigningSecrets(new WebhookSecret(rows.getString(1)),
                        Optional.ofNullable(rows.getString(2)).map(WebhookSecret::new),
                        Optional.ofNullable(rows.getString(3)).map(Instant::parse)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the secrets of webhook " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void rotate(WebhookId id, WebhookSecret fresh, Instant previousUntil) {
        update("rotate the secret of webhook " + id, "UPDATE webhook_subscription SET previous_secret = secret,"
                + " previous_until = ?, secret = ? WHERE id = ?", previousUntil.toString(), fresh.value(), id.toString());
    }

    @Override
    public void status(WebhookId id, Status status) {
        if (status == Status.ACTIVE) {
            update("resume webhook " + id, "UPDATE webhook_subscription SET status = ?, failing_position = NULL,"
                    + " failing_since = NULL, failed_attempts = 0, next_attempt = NULL WHERE id = ?", status.name(), id.toString());
        } else {
            update("set the status of webhook " + id, "UPDATE webhook_subscription SET status = ? WHERE id = ?",
                    status.name(), id.toString());
        }
    }

    @Override
    public void remove(WebhookId id) {
        try (var connection = pool.getConnection()) {
            InTransaction.run(connection, c -> {
                try (var deliveries = c.prepareStatement("DELETE FROM webhook_delivery WHERE webhook = ?");
                     var subscription = c.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
                    deliveries.setString(1, id.toString());
                    deliveries.executeUpdate();
                    subscription.setString(1, id.toString());
                    subscription.executeUpdate();
                    return null;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove webhook " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean lease(WebhookId id, String holder, Instant until, Instant now) {
        return update("lease webhook " + id, "UPDATE webhook_subscription SET lease_holder = ?, lease_until = ? WHERE id = ?"
                        + " AND (lease_holder IS NULL OR lease_holder = ? OR lease_until < ?)",
                holder, until.toEpochMilli(), id.toString(), holder, now.toEpochMilli()) == 1;
    }

    @Override
    public void release(WebhookId id, String holder) {
        update("release webhook " + id, "UPDATE webhook_subscription SET lease_holder = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_holder = ?", id.toString(), holder);
    }

    @Override
    public void acknowledged(WebhookId id, long position) {
        update("move the cursor of webhook " + id, "UPDATE webhook_subscription SET cursor_position = ?,"
                + " failing_position = NULL, failing_since = NULL, failed_attempts = 0, next_attempt = NULL, last_error = NULL"
                + " WHERE id = ? AND cursor_position < ?", position, id.toString(), position);
    }

    @Override
    public void failing(WebhookId id, Subscription.Failing f) {
        update("record a failure of webhook " + id, "UPDATE webhook_subscription SET failing_position = ?, failing_since = ?,"
                        + " failed_attempts = ?, next_attempt = ?, last_error = ? WHERE id = ?",
                f.position(), f.since().toString(), f.attempts(), f.nextAttempt().toString(), cut(f.lastError()), id.toString());
    }

    @Override
    public void record(DeliveryAttempt a, int keep) {
        var id = a.webhook().toString();
        try (var connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (var next = connection.prepareStatement(
                         "UPDATE webhook_subscription SET log_sequence = log_sequence + 1 WHERE id = ?");
                 var read = connection.prepareStatement("SELECT log_sequence FROM webhook_subscription WHERE id = ?");
                 var insert = connection.prepareStatement("INSERT INTO webhook_delivery (webhook, sequence_number,"
                         + " attempted_at, event_position, message, attempt, status, error, latency_ms, is_test)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 var prune = connection.prepareStatement(
                         "DELETE FROM webhook_delivery WHERE webhook = ? AND sequence_number <= ?")) {
                next.setString(1, id);
                if (next.executeUpdate() == 0) {            // deleted meanwhile: its log is gone with it
                    connection.rollback();
                    return;
                }
                read.setString(1, id);
                long sequence;
                try (var rows = read.executeQuery()) {
                    rows.next();
                    sequence = rows.getLong(1);
                }
                insert.setString(1, id);
                insert.setLong(2, sequence);
                insert.setString(3, a.at().toString());
                insert.setLong(4, a.position());
                insert.setString(5, a.message().toString());
                insert.setInt(6, a.attempt());
                if (a.status().isPresent()) insert.setInt(7, a.status().get());
                else insert.setNull(7, Types.INTEGER);
                insert.setString(8, a.error().map(JdbcWebhookStore::cut).orElse(null));
                insert.setLong(9, a.latency().toMillis());
                insert.setBoolean(10, a.test());
                insert.executeUpdate();
                prune.setString(1, id);
                prune.setLong(2, sequence - keep);
                prune.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log a delivery of webhook " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<DeliveryAttempt.Logged> attempts(WebhookId id, long before, int limit) {
        try (var connection = pool.getConnection();
             var query = connection.prepareStatement("SELECT sequence_number, attempted_at, event_position, message, attempt,"
                     + " status, error, latency_ms, is_test FROM webhook_delivery WHERE webhook = ? AND sequence_number < ?"
                     + " ORDER BY sequence_number DESC")) {
            query.setMaxRows(limit);
            query.setString(1, id.toString());
            query.setLong(2, before);
            var found = new ArrayList<DeliveryAttempt.Logged>();
            try (var rows = query.executeQuery()) {
                while (rows.next() && found.size() < limit) {
                    int status = rows.getInt("status");
                    var statusOrNot = rows.wasNull() ? Optional.<Integer>empty() : Optional.of(status);
                    found.add(new DeliveryAttempt.Logged(rows.getLong("sequence_number"), new DeliveryAttempt(id,
                            Instant.parse(rows.getString("attempted_at")), rows.getLong("event_position"),
                            UUID.fromString(rows.getString("message")), rows.getInt("attempt"), statusOrNot,
                            Optional.ofNullable(rows.getString("error")), Duration.ofMillis(rows.getLong("latency_ms")),
                            rows.getBoolean("is_test"))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the deliveries of webhook " + id + ": " + e.getMessage(), e);
        }
    }

    private List<Subscription> query(String sql, Object... parameters) {
        try (var connection = pool.getConnection(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) query.setObject(i + 1, parameters[i]);
            var found = new ArrayList<Subscription>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) found.add(read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the webhook subscriptions: " + e.getMessage(), e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (var connection = pool.getConnection(); var update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) update.setObject(i + 1, parameters[i]);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static Subscription read(ResultSet rows) throws SQLException {
        long failingPosition = rows.getLong("failing_position");
        Optional<Subscription.Failing> failing = rows.wasNull() ? Optional.empty() : Optional.of(new Subscription.Failing(
                failingPosition, Instant.parse(rows.getString("failing_since")), rows.getInt("failed_attempts"),
                Instant.parse(rows.getString("next_attempt")), Optional.ofNullable(rows.getString("last_error")).orElse("")));
        return new Subscription(WebhookId.parse(rows.getString("id")), new WebhookUrl(rows.getString("url")),
                new WebhookFilter(names(rows.getString("event_types")), names(rows.getString("categories"))),
                new WebhookDescription(rows.getString("description")),
                Status.valueOf(rows.getString("status").toUpperCase(Locale.ROOT)), rows.getLong("cursor_position"),
                Instant.parse(rows.getString("created_at")), failing);
    }

    private static Set<String> names(String joined) {
        return joined.isEmpty() ? Set.of() : Arrays.stream(joined.split(",")).collect(Collectors.toSet());
    }

    private static String cut(String text) {
        return text.length() > 400 ? text.substring(0, 400) : text;
    }

    @Override
    public void close() {
        pool.close();
    }
}
