package dev.scrollback.adapters.sandbox.manifest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.scrollback.adapters.sandbox.schedule.UnixCron;
import dev.scrollback.application.plugins.ManifestReader;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Engine;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.EventTypeName;
import dev.scrollback.domain.plugins.Hook;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.Permission;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginLimits;
import dev.scrollback.domain.plugins.PluginManifest;
import dev.scrollback.domain.plugins.PluginTriggers;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.InvalidValue;
import dev.scrollback.domain.shared.PluginName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads a plugin's {@code plugin.toml} into a {@link PluginManifest} with Jackson's TOML module (decision: Jackson 2 is
 * our JSON library already, decision 0004), bounded before anything is parsed, and says every problem at once — each
 * naming the key it is about — rather than the first. Unknown keys are refused, not ignored: a misspelt {@code limits}
 * would otherwise silently give a plugin the defaults.
 *
 * <pre>
 * name = "spam-filter"                 # a slug
 * version = "1.2.0"                    # SemVer
 * requires = "&gt;=0.1.0, &lt;1.0.0"       # the BBS versions it runs on
 * description = "Rejects link spam"
 * author = "Amiga"
 * license = "MIT"
 * engine = "wasm"                      # or "js"
 * entry = "plugin.wasm"                # a file in the package, with the engine's extension
 * hooks = ["filter_message_content"]
 *
 * [permissions]                        # all optional; nothing is granted unless named
 * post_message = true
 * read_user = true
 * kv_storage = true
 * http = ["api.example.org"]
 *
 * [limits]                             # all optional; each at most the BBS's ceiling
 * memory_bytes = 16777216
 * max_input_bytes = 65536
 * max_output_bytes = 65536
 * max_log_bytes_per_call = 4096
 * max_kv_bytes = 1048576
 * statement_limit = 1000000
 * stack_depth = 256
 * [limits.deadlines]                   # milliseconds, per hook the plugin uses
 * filter_message_content = 30
 *
 * [triggers]                           # with hooks on_event / on_schedule
 * events = ["ChatRoomCreated"]         # the kinds of event that call on_event
 * schedules = ["*&#47;15 * * * *"]          # cron (five fields, UTC) that call on_schedule
 * </pre>
 */
public final class TomlManifests implements ManifestReader {
    /** A manifest is a page of text; anything longer is refused unread. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final Set<String> TOP = Set.of("name", "version", "requires", "description", "author", "license",
            "engine", "entry", "hooks", "permissions", "limits", "triggers");
    private static final Set<String> TRIGGERS = Set.of("events", "schedules");
    private static final Set<String> PERMISSIONS = Set.of("post_message", "read_user", "kv_storage", "http");
    private static final Set<String> LIMITS = Set.of("memory_bytes", "max_input_bytes", "max_output_bytes",
            "max_log_bytes_per_call", "max_kv_bytes", "statement_limit", "stack_depth", "deadlines");

    private final TomlMapper mapper = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES).maxNestingDepth(8).maxStringLength(4_096).maxNumberLength(20)
                    .maxNameLength(64).build())
            .build());

    @Override
    public Reading read(byte[] toml) {
        if (toml.length > MAX_BYTES) {
            return refused("the manifest is " + toml.length + " bytes; at most " + MAX_BYTES + " are read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(toml)).toString();
        } catch (CharacterCodingException e) {
            return refused("the manifest is not UTF-8 text");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            return refused("the manifest is too deep or has too long a value: " + e.getOriginalMessage());
        } catch (StreamReadException e) {
            var at = e.getLocation();
            return refused(at == null ? "not TOML: " + e.getOriginalMessage()
                    : "not TOML at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return refused("not TOML: " + e.getMessage());
        }
        if (root == null || !root.isObject() || root.isEmpty()) return refused("the manifest is empty");
        return new Fields(root).manifest();
    }

    private static Reading refused(String problem) {
        return new Reading.Refused(List.of(problem));
    }

    /** One reading: takes each value, noting what is wrong with it and going on, then builds the manifest if nothing was. */
    private static final class Fields {
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        Reading manifest() {
            unknownKeys(root, TOP, "");
            var name = text(root, "name", "name").flatMap(v -> valid("name", () -> new PluginName(v)));
            var version = text(root, "version", "version").flatMap(v -> valid("version", () -> PluginVersion.parse(v)));
            var requires = text(root, "requires", "requires").flatMap(v -> valid("requires", () -> VersionRange.parse(v)));
            var description = text(root, "description", "description")
                    .flatMap(v -> valid("description", () -> new PluginDescription(v)));
            var author = text(root, "author", "author").flatMap(v -> valid("author", () -> new PluginAuthor(v)));
            var license = text(root, "license", "license").flatMap(v -> valid("license", () -> new LicenseId(v)));
            var engine = text(root, "engine", "engine").flatMap(v -> valid("engine", () -> Engine.parse(v)));
            var entry = text(root, "entry", "entry").flatMap(v -> valid("entry", () -> new EntryPoint(v)));
            var hooks = hooks();
            var permissions = permissions();
            var limits = limits();
            var triggers = triggers();
            if (!problems.isEmpty()) return new Reading.Refused(problems);
            try {
                return new Reading.Read(new PluginManifest(name.orElseThrow(), version.orElseThrow(), requires.orElseThrow(),
                        description.orElseThrow(), author.orElseThrow(), license.orElseThrow(), engine.orElseThrow(),
                        entry.orElseThrow(), hooks, permissions, limits.orElseThrow(), triggers.orElseThrow()));
            } catch (InvalidValue e) {
                return new Reading.Refused(List.of(e.field() + ": " + e.getMessage()));
            }
        }

        private Set<Hook> hooks() {
            var node = root.get("hooks");
            if (node == null) {
                problems.add("hooks: required (a list of hook names, e.g. [\"on_user_login\"])");
                return Set.of();
            }
            if (!node.isArray()) {
                problems.add("hooks: must be a list of hook names");
                return Set.of();
            }
            var hooks = EnumSet.noneOf(Hook.class);
            for (var hook : node) {
                if (!hook.isTextual()) problems.add("hooks: every entry must be a hook name in quotes");
                else entry("hooks", hook.asText(), () -> Hook.parse(hook.asText())).ifPresent(hooks::add);
            }
            return hooks;
        }

        private Optional<PluginTriggers> triggers() {
            var table = table("triggers");
            if (table.isEmpty()) return Optional.of(PluginTriggers.none());
            unknownKeys(table.get(), TRIGGERS, "triggers.");
            var events = new LinkedHashSet<EventTypeName>();
            for (var name : strings(table.get(), "events")) {
                entry("triggers.events", name, () -> new EventTypeName(name)).ifPresent(events::add);
            }
            var schedules = new ArrayList<CronSchedule>();
            for (var expression : strings(table.get(), "schedules")) {
                entry("triggers.schedules", expression, () -> new CronSchedule(expression)).ifPresent(schedule ->
                        UnixCron.problem(schedule).ifPresentOrElse(p -> problems.add("triggers.schedules: " + p),
                                () -> schedules.add(schedule)));
            }
            return valid("triggers", () -> new PluginTriggers(events, schedules));
        }

        /** A list of strings under {@code key} of the triggers table; anything else is noted. */
        private List<String> strings(JsonNode table, String key) {
            var node = table.get(key);
            if (node == null) return List.of();
            if (!node.isArray()) {
                problems.add("triggers." + key + ": must be a list of strings");
                return List.of();
            }
            var found = new ArrayList<String>();
            for (var item : node) {
                if (item.isTextual()) found.add(item.asText());
                else problems.add("triggers." + key + ": every entry must be text in quotes");
            }
            return found;
        }

        private Set<Permission> permissions() {
            var table = table("permissions");
            var granted = new LinkedHashSet<Permission>();
            if (table.isEmpty()) return granted;
            unknownKeys(table.get(), PERMISSIONS, "permissions.");
            flag(table.get(), "post_message").filter(on -> on).ifPresent(on -> granted.add(new Permission.PostMessage()));
            flag(table.get(), "read_user").filter(on -> on).ifPresent(on -> granted.add(new Permission.ReadUser()));
            flag(table.get(), "kv_storage").filter(on -> on).ifPresent(on -> granted.add(new Permission.KeyValueStorage()));
            var http = table.get().get("http");
            if (http != null) {
                if (!http.isArray()) {
                    problems.add("permissions.http: must be a list of host names");
                } else {
                    var hosts = new LinkedHashSet<HostName>();
                    for (var host : http) {
                        if (!host.isTextual()) problems.add("permissions.http: every entry must be a host name in quotes");
                        else entry("permissions.http", host.asText(), () -> new HostName(host.asText())).ifPresent(hosts::add);
                    }
                    valid("permissions.http", () -> new Permission.OutboundHttp(hosts)).ifPresent(granted::add);
                }
            }
            return granted;
        }

        private Optional<PluginLimits> limits() {
            var table = table("limits");
            if (table.isEmpty()) return Optional.of(PluginLimits.defaults());
            var limits = table.get();
            unknownKeys(limits, LIMITS, "limits.");
            var set = PluginLimits.defaults();
            // a refused value is noted and the default kept, so that every problem is reported
            set = apply(set, limits, "memory_bytes", PluginLimits::withMemoryBytes);
            set = apply(set, limits, "max_input_bytes", PluginLimits::withMaxInputBytes);
            set = apply(set, limits, "max_output_bytes", PluginLimits::withMaxOutputBytes);
            set = apply(set, limits, "max_log_bytes_per_call", PluginLimits::withMaxLogBytesPerCall);
            set = apply(set, limits, "max_kv_bytes", PluginLimits::withMaxKeyValueBytes);
            set = apply(set, limits, "statement_limit", PluginLimits::withStatementLimit);
            set = apply(set, limits, "stack_depth", (l, v) -> l.withStackDepth((int) Math.min(Integer.MAX_VALUE, v)));
            var deadlines = limits.get("deadlines");
            if (deadlines != null) {
                if (!deadlines.isObject()) {
                    problems.add("limits.deadlines: must be a table of hook = milliseconds");
                } else {
                    var asked = new EnumMap<Hook, Duration>(Hook.class);
                    for (var entry : deadlines.properties()) {
                        var hook = entry("limits.deadlines", entry.getKey(), () -> Hook.parse(entry.getKey()));
                        var millis = entry.getValue().canConvertToExactIntegral() && entry.getValue().canConvertToLong()
                                ? Optional.of(entry.getValue().asLong()) : Optional.<Long>empty();
                        if (millis.isEmpty()) problems.add("limits.deadlines." + entry.getKey() + ": must be whole milliseconds");
                        if (hook.isPresent() && millis.isPresent()) asked.put(hook.get(), Duration.ofMillis(millis.get()));
                    }
                    for (var deadline : asked.entrySet()) {
                        var before = set;
                        set = valid("limits", () -> before.withDeadline(deadline.getKey(), deadline.getValue())).orElse(before);
                    }
                }
            }
            return Optional.of(set);
        }

        private PluginLimits apply(PluginLimits limits, JsonNode table, String key, BiFunction<PluginLimits, Long, PluginLimits> with) {
            var value = integer(table, key);
            if (value.isEmpty()) return limits;
            return valid("limits", () -> with.apply(limits, value.get())).orElse(limits);
        }

        private Optional<Long> integer(JsonNode table, String key) {
            var node = table.get(key);
            if (node == null) return Optional.empty();
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                problems.add("limits." + key + ": must be a whole number");
                return Optional.empty();
            }
            return Optional.of(node.asLong());
        }

        private Optional<Boolean> flag(JsonNode table, String key) {
            var node = table.get(key);
            if (node == null) return Optional.empty();
            if (!node.isBoolean()) {
                problems.add("permissions." + key + ": must be true or false");
                return Optional.empty();
            }
            return Optional.of(node.asBoolean());
        }

        private Optional<JsonNode> table(String key) {
            var node = root.get(key);
            if (node == null) return Optional.empty();
            if (!node.isObject()) {
                problems.add(key + ": must be a table ([" + key + "])");
                return Optional.empty();
            }
            return Optional.of(node);
        }

        private Optional<String> text(JsonNode table, String key, String label) {
            var node = table.get(key);
            if (node == null) {
                problems.add(label + ": required");
                return Optional.empty();
            }
            if (!node.isTextual()) {
                problems.add(label + ": must be text in quotes");
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }

        private void unknownKeys(JsonNode table, Set<String> known, String path) {
            for (var key : (Iterable<String>) table::fieldNames) {
                if (!known.contains(key)) {
                    problems.add(path + key + ": not a manifest key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        /** As {@link #valid}, for one entry of a list, which the problem quotes (shortened). */
        private <T> Optional<T> entry(String label, String raw, Supplier<T> make) {
            var shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
            return valid(label, "\"" + shown + "\" ", make);
        }

        /** The value, or nothing with the reason noted under {@code label}. */
        private <T> Optional<T> valid(String label, Supplier<T> make) {
            return valid(label, "", make);
        }

        private <T> Optional<T> valid(String label, String quoted, Supplier<T> make) {
            try {
                return Optional.of(make.get());
            } catch (InvalidValue e) {
                problems.add(label + ": " + quoted + e.getMessage());
                return Optional.empty();
            }
        }
    }
}
