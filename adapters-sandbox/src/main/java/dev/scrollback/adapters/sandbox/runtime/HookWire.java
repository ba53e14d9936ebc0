package dev.scrollback.adapters.sandbox.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrollback.application.plugins.HookAnswer;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.application.hooks.MenuItem;
import dev.scrollback.domain.plugins.PluginText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Each hook's wire format, as the plugin authors' guide gives it. In: the filter gets the text, {@code handle_command}
 * what the caller typed, the other hooks a JSON object. Out: a filter answers nothing (accept) or a JSON verdict,
 * {@code on_user_login} and {@code handle_command} text, {@code render_menu_item} one short line; the notifications'
 * answers are not used. Text for callers is made safe for any terminal: control characters (escape sequences
 * included) other than line breaks and tabs, and bidirectional overrides, become {@code ?}.
 */
final class HookWire {
    static final int MAX_REASON_CHARS = 300;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(2 << 20).maxNumberLength(32).build());
    }

    private HookWire() {}

    static byte[] encode(HookInput input) {
        return switch (input) {
            case HookInput.FilterContent filter -> utf8(filter.text());
            case HookInput.Command command -> utf8(command.request().input());
            case HookInput.MessagePosted posted -> {
                var node = object()
                        .put("place", posted.message().place().kind().wireName())
                        .put("place_id", posted.message().place().id().toString())
                        .put("place_name", posted.message().place().name())
                        .put("author", posted.message().author().value())
                        .put("text", posted.message().text());
                posted.message().thread().ifPresent(thread -> node.put("thread_id", thread.toString()));   // boards only
                yield json(node);
            }
            case HookInput.UserLogin login -> json(object()
                    .put("handle", login.login().handle().value())
                    .put("channel", login.login().channel().wireName())
                    .put("first_login", login.login().firstLogin()));
            case HookInput.SessionStart start -> json(object()
                    .put("handle", start.session().handle().value())
                    .put("channel", start.session().channel().wireName())
                    .put("session", start.session().session().toString()));
            case HookInput.SessionEnd end -> json(object()
                    .put("handle", end.session().handle().value())
                    .put("channel", end.session().channel().wireName())
                    .put("session", end.session().session().toString())
                    .put("reason", end.reason()));
            case HookInput.EventRecorded recorded -> {
                var node = object().put("type", recorded.type()).put("stream", recorded.stream())
                        .put("position", recorded.position()).put("at", recorded.at().toString());
                var actor = node.putObject("actor").put("kind", recorded.actor());
                recorded.actorHandle().ifPresent(handle -> actor.put("handle", handle));
                yield json(node);
            }
            case HookInput.ScheduleDue due -> json(object().put("schedule", due.schedule().expression())
                    .put("slot", due.slot().toString()));
            case HookInput.MenuItemFor menu -> {
                var node = object().put("handle", menu.viewer().handle().value()).put("channel", menu.viewer().channel().wireName());
                var roles = node.putArray("roles");
                menu.viewer().roles().stream().sorted().forEach(roles::add);
                yield json(node);
            }
        };
    }

    /** The plugin's output read for {@code input}'s hook, or why it does not read. */
    static Decoded decode(HookInput input, byte[] output) {
        return switch (input) {
            case HookInput.FilterContent filter -> verdict(output);
            case HookInput.UserLogin login -> text(output).<Decoded>map(t -> t.isEmpty() ? new Decoded.Read(new HookAnswer.Nothing())
                    : new Decoded.Read(new HookAnswer.Text(safe(t)))).orElseGet(() -> notUtf8(input));
            case HookInput.Command command -> text(output).<Decoded>map(t -> new Decoded.Read(new HookAnswer.Text(safe(t))))
                    .orElseGet(() -> notUtf8(input));
            case HookInput.MenuItemFor menu -> text(output).map(HookWire::label).orElseGet(() -> notUtf8(input));
            case HookInput.MessagePosted posted -> new Decoded.Read(new HookAnswer.Nothing());
            case HookInput.SessionStart start -> new Decoded.Read(new HookAnswer.Nothing());
            case HookInput.SessionEnd end -> new Decoded.Read(new HookAnswer.Nothing());
            case HookInput.EventRecorded recorded -> new Decoded.Read(new HookAnswer.Nothing());
            case HookInput.ScheduleDue due -> new Decoded.Read(new HookAnswer.Nothing());
        };
    }

    sealed interface Decoded {
        record Read(HookAnswer answer) implements Decoded {}

        record Unreadable(String why) implements Decoded {}
    }

    private static Decoded verdict(byte[] output) {
        if (output.length == 0) return new Decoded.Read(new HookAnswer.Accept());
        JsonNode node;
        try {
            node = JSON.readTree(output);
        } catch (java.io.IOException e) {
            return new Decoded.Unreadable("the filter's answer is not JSON");
        }
        if (node == null || !node.isObject() || !node.path("verdict").isTextual()) {
            return new Decoded.Unreadable("the filter's answer is not an object with a \"verdict\"");
        }
        return switch (node.get("verdict").asText()) {
            case "accept" -> new Decoded.Read(new HookAnswer.Accept());
            case "reject" -> node.path("reason").isTextual() && !node.get("reason").asText().isBlank()
                    ? new Decoded.Read(new HookAnswer.Reject(oneLine(node.get("reason").asText(), MAX_REASON_CHARS)))
                    : new Decoded.Unreadable("a \"reject\" verdict needs a \"reason\"");
            case "rewrite" -> node.path("text").isTextual()
                    ? new Decoded.Read(new HookAnswer.Rewrite(node.get("text").asText()))
                    : new Decoded.Unreadable("a \"rewrite\" verdict needs a \"text\"");
            default -> new Decoded.Unreadable("the verdict must be \"accept\", \"reject\" or \"rewrite\"");
        };
    }

    private static Decoded label(String text) {
        var line = text.strip();
        if (line.isEmpty()) return new Decoded.Read(new HookAnswer.Nothing());
        if (line.contains("\n") || line.codePoints().anyMatch(PluginText::forbidden)) {
            return new Decoded.Unreadable("a menu item is one line of printable text");
        }
        if (line.codePointCount(0, line.length()) > MenuItem.MAX_LABEL) {
            return new Decoded.Unreadable("a menu item is at most " + MenuItem.MAX_LABEL + " characters");
        }
        return new Decoded.Read(new HookAnswer.Text(line));
    }

    private static Decoded notUtf8(HookInput input) {
        return new Decoded.Unreadable(input.hook().wireName() + " answered bytes that are not UTF-8 text");
    }

    /** Strict UTF-8: malformed or overlong bytes are refused, never replaced. */
    private static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Text safe to print on any terminal: line breaks and tabs kept, other controls and bidi overrides as {@code ?}. */
    static String safe(String text) {
        var out = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints()
                .forEach(c -> out.appendCodePoint(c == '\n' || c == '\t' ? c : PluginText.forbidden(c) ? '?' : c));
        return out.toString();
    }

    private static String oneLine(String text, int max) {
        var line = safe(text).replace('\n', ' ').replace('\t', ' ').strip();
        return line.codePointCount(0, line.length()) <= max ? line
                : line.substring(0, line.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static byte[] json(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
