package dev.scrollback.adapters.web.audit;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.audit.AuditEntry;
import dev.scrollback.application.audit.AuditFilter;
import dev.scrollback.application.audit.AuditPage;
import dev.scrollback.application.audit.ReadAuditLog;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.RemoteAddress;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The audit log (issue 7): {@code GET /api/v1/audit} pages through it by position, {@code GET /api/v1/audit/export}
 * streams every matching entry as JSON Lines or CSV for a SIEM, a page at a time (never the whole answer in memory).
 * Both take the same filters; only sysops and auditors read them (the use case checks).
 */
public final class AuditRoutes implements Routes {
    static final String PATH = "/api/v1/audit";
    static final String EXPORT = "/api/v1/audit/export";
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    private static final int MAX_WHO = 64;

    private final ReadAuditLog readAuditLog;
    private final Authentication authentication;

    public AuditRoutes(ReadAuditLog readAuditLog, Authentication authentication) {
        this.readAuditLog = readAuditLog;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::query);
        routes.get(EXPORT, this::export);
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("The audit log: security and admin events, filtered, a page at a time (sysops and auditors)")
                .authenticated().query("actor", "account", "type", "from", "to", "address", "channel", "after", "limit")
                .answers(200, Page.class).problems(400, 403);
        api.get(EXPORT).summary("The audit log as JSON Lines or CSV, every matching entry (sysops and auditors)")
                .authenticated().query("format", "actor", "account", "type", "from", "to", "address", "channel", "after")
                .answers(200, "application/x-ndjson").problems(400, 403);
    }

    private void query(Context ctx) {
        var caller = authentication.caller(ctx);
        var filter = filter(ctx);
        long after = whole(ctx, "after", 0);
        long limit = whole(ctx, "limit", ReadAuditLog.DEFAULT_LIMIT);
        if (limit < 1 || limit > ReadAuditLog.MAX_LIMIT) {
            throw ValidationFailed.field("limit", "must be a whole number from 1 to " + ReadAuditLog.MAX_LIMIT);
        }
        var page = readAuditLog.read(caller, filter, after, (int) limit);
        ctx.json(Page.of(page));
    }

    /** Reads page after page and writes each out before reading the next; the first read checks access, before any byte. */
    private void export(Context ctx) {
        var caller = authentication.caller(ctx);
        var format = AuditExport.Format.of(ctx.queryParam("format"))
                .orElseThrow(() -> ValidationFailed.field("format", "must be jsonl or csv"));
        var filter = filter(ctx);
        long after = whole(ctx, "after", 0);
        var first = readAuditLog.read(caller, filter, after, AuditExport.PAGE);
        ctx.contentType(format.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"audit." + format.wireName() + "\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            AuditExport.write(out, format, first, next -> readAuditLog.read(caller, filter, next, AuditExport.PAGE));
        } catch (IOException e) {
            throw new UncheckedIOException("the audit export could not be written", e);
        }
    }

    static AuditFilter filter(Context ctx) {
        var type = text(ctx, "type");
        if (type.isPresent() && !TYPE.matcher(type.get()).matches()) {
            throw ValidationFailed.field("type", "must be an event type name such as LoginFailed");
        }
        var from = instant(ctx, "from");
        var to = instant(ctx, "to");
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw ValidationFailed.field("to", "must be later than from");
        }
        var address = text(ctx, "address").map(RemoteAddress::new);          // InvalidValue("address") when it is none
        var channel = text(ctx, "channel").map(AuditRoutes::channel);
        return new AuditFilter(who(ctx, "actor"), who(ctx, "account"), type, from, to, address, channel);
    }

    private static Channel channel(String text) {
        for (var channel : Channel.values()) if (channel.wireName().equals(text)) return channel;
        throw ValidationFailed.field("channel", "must be one of " + Arrays.stream(Channel.values()).map(Channel::wireName)
                .collect(Collectors.joining(", ")));
    }

    private static Optional<String> who(Context ctx, String name) {
        var text = text(ctx, name);
        if (text.isPresent() && (text.get().length() > MAX_WHO || text.get().chars().anyMatch(Character::isISOControl))) {
            throw ValidationFailed.field(name, "must be a handle, an account id or system");
        }
        return text;
    }

    private static Optional<Instant> instant(Context ctx, String name) {
        var text = text(ctx, name);
        if (text.isEmpty()) return Optional.empty();
        try {
            if (text.get().length() > 40) throw new DateTimeParseException("too long", text.get(), 0);
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw ValidationFailed.field(name, "must be a UTC time such as 2025-03-01T20:00:00Z");
        }
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(t -> !t.isEmpty());
    }

    private static long whole(Context ctx, String name, long otherwise) {
        var complaint = name.equals("limit") ? "must be a whole number from 1 to " + ReadAuditLog.MAX_LIMIT
                : "must be 0 or a position (a whole number)";
        var text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return otherwise;
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) throw ValidationFailed.field(name, complaint);
        return Long.parseLong(text);
    }

    record Page(List<Entry> entries, long next) {
        static Page of(AuditPage page) {
            return new Page(page.entries().stream().map(Entry::of).toList(), page.next());
        }
    }

    record Entry(long position, Instant at, String type, ActorView actor, String channel, Optional<String> address,
                 Optional<String> sessionId, String summary, Optional<SubjectView> subject) {
        static Entry of(AuditEntry entry) {
            var actor = entry.actor();
            return new Entry(entry.position(), entry.at(), entry.type(),
                    new ActorView(actor.kind().wireName(), actor.id(), actor.handle()), entry.channel().wireName(),
                    entry.address().map(RemoteAddress::value), entry.session().map(Object::toString), entry.summary(),
                    entry.subject().map(id -> new SubjectView(id.toString(), entry.subjectHandle().map(h -> h.value()))));
        }
    }

    record ActorView(String kind, Optional<String> id, Optional<String> handle) {}

    record SubjectView(String id, Optional<String> handle) {}
}
