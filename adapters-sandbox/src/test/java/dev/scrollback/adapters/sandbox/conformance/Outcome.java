package dev.scrollback.adapters.sandbox.conformance;

import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one call ended, in terms both hosts share: the output bytes (base64, so that equality is by value), the
 * plugin's own error message, or a fault; the lines logged as {@code "level: text"}; and the requests the plugin made
 * of the BBS's own host functions, as {@code "function: request"} ({@link ScriptedHost}; none without one).
 */
record Outcome(Kind kind, String outputBase64, String message, List<String> logs, List<String> hostCalls) {
    enum Kind { RETURNED, FAILED, FAULTED }

    Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outputBase64, "outputBase64");
        Objects.requireNonNull(message, "message");
        logs = List.copyOf(logs);
        hostCalls = List.copyOf(hostCalls);
    }

    static Outcome returned(byte[] output, List<String> logs) {
        return new Outcome(Kind.RETURNED, Base64.getEncoder().encodeToString(output), "", logs, List.of());
    }

    static Outcome failed(String message, List<String> logs) {
        return new Outcome(Kind.FAILED, "", message, logs, List.of());
    }

    static Outcome faulted(String message, List<String> logs) {
        return new Outcome(Kind.FAULTED, "", message, logs, List.of());
    }

    /** This outcome, with the host-function requests the call made. */
    Outcome withHostCalls(List<String> requests) {
        return new Outcome(kind, outputBase64, message, logs, requests);
    }

    /** Our host's result. */
    static Outcome of(CallResult result) {
        var logs = result.log().lines().stream().map(Outcome::line).toList();
        return switch (result) {
            case CallResult.Returned r -> returned(r.output(), logs);
            case CallResult.Failed f -> failed(f.message(), logs);
            case CallResult.Faulted f -> faulted(f.kind() + ": " + f.detail(), logs);
        };
    }

    static String line(String level, String text) {
        return level.toLowerCase(Locale.ROOT) + ": " + text;
    }

    /** What must agree between hosts: everything, except a fault's wording, which is each host's own. */
    Outcome comparable() {
        if (kind != Kind.FAULTED) return this;
        return new Outcome(kind, "", "(a fault; each host words it its own way)", logs, hostCalls);
    }

    byte[] output() {
        return Base64.getDecoder().decode(outputBase64);
    }

    String text() {
        return new String(output(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        var shown = switch (kind) {
            case RETURNED -> "output " + quoted(text());
            case FAILED, FAULTED -> "message " + quoted(message);
        };
        return kind + " " + shown + " logs " + logs + (hostCalls.isEmpty() ? "" : " host calls " + hostCalls);
    }

    private static String quoted(String s) {
        var cut = s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
        return '"' + cut + '"';
    }

    private static String line(LogLine line) {
        return line(line.level().name(), line.text());
    }
}
