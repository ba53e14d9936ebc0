package dev.scrollback.adapters.sandbox.runtime;

import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallResult;
import dev.scrollback.adapters.sandbox.call.LogLine;
import dev.scrollback.application.plugins.HookCall;
import dev.scrollback.application.plugins.HookInput;
import dev.scrollback.domain.plugins.FaultKind;
import dev.scrollback.domain.plugins.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One hook call on either engine, in the application's terms: the input encoded and held to {@code max_input_bytes},
 * the engine's result read back ({@link HookWire}), its log held to {@code max_log_bytes_per_call}, and the engine's
 * fault kinds mapped onto the domain's. A call the host could not make (busy, interrupted) is {@link HookCall.NotRun}:
 * not the plugin's fault.
 */
final class EngineCall {
    /** What an engine does with one call: the hook's name, the input bytes, the deadline. */
    interface Engine {
        CallResult call(String hook, byte[] input, Duration deadline);
    }

    private EngineCall() {}

    static HookCall run(PluginManifest manifest, Engine engine, HookInput input, Duration deadline,
                        Supplier<List<HookCall.StorageChange>> writesAfter) {
        var bytes = HookWire.encode(input);
        if (bytes.length > manifest.limits().maxInputBytes()) {
            return new HookCall.NotRun("the input is " + bytes.length + " bytes, over its max_input_bytes of "
                    + manifest.limits().maxInputBytes());
        }
        var result = engine.call(input.hook().wireName(), bytes, deadline);
        return read(manifest, input, result, writesAfter.get());
    }

    static HookCall read(PluginManifest manifest, HookInput input, CallResult result, List<HookCall.StorageChange> writes) {
        var log = lines(result.log(), manifest.limits().maxLogBytesPerCall());
        return switch (result) {
            case CallResult.Returned returned -> switch (HookWire.decode(input, returned.output())) {
                case HookWire.Decoded.Read read -> new HookCall.Answered(read.answer(), log, writes);
                case HookWire.Decoded.Unreadable unreadable ->
                        new HookCall.Faulted(FaultKind.INVALID_OUTPUT, unreadable.why(), log, writes);
            };
            case CallResult.Failed failed -> new HookCall.Failed(HookWire.safe(failed.message()), log, writes);
            case CallResult.Faulted faulted -> switch (faulted.kind()) {
                case BUSY, INTERRUPTED, STARVED -> new HookCall.NotRun(faulted.detail(), log, writes);
                case TIMEOUT -> fault(FaultKind.TIMEOUT, faulted, log, writes);
                case TRAP, MISSING_EXPORT, INSTANTIATION -> fault(FaultKind.TRAP, faulted, log, writes);
                case STACK_OVERFLOW -> fault(FaultKind.STACK_OVERFLOW, faulted, log, writes);
                case MEMORY -> fault(FaultKind.MEMORY, faulted, log, writes);
                case OUTPUT_TOO_LARGE -> fault(FaultKind.OUTPUT_TOO_LARGE, faulted, log, writes);
                case STORAGE_FULL -> fault(FaultKind.STORAGE_FULL, faulted, log, writes);
                case PERMISSION -> fault(FaultKind.PERMISSION, faulted, log, writes);
                case STATEMENT_LIMIT -> fault(FaultKind.STATEMENT_LIMIT, faulted, log, writes);
                case INVALID_OUTPUT -> fault(FaultKind.INVALID_OUTPUT, faulted, log, writes);
            };
        };
    }

    private static HookCall fault(FaultKind kind, CallResult.Faulted faulted, List<String> log, List<HookCall.StorageChange> writes) {
        return new HookCall.Faulted(kind, faulted.detail(), log, writes);
    }

    /** "LEVEL text" per line, as many as fit in {@code maxBytes} of UTF-8; what was dropped is said in a last line. */
    static List<String> lines(CallLog log, long maxBytes) {
        var kept = new ArrayList<String>();
        long used = 0;
        int dropped = log.dropped();
        for (LogLine line : log.lines()) {
            var text = line.level().name() + " " + HookWire.safe(line.text()).replace('\n', ' ');
            long bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > maxBytes) {
                dropped++;
                continue;
            }
            used += bytes;
            kept.add(text);
        }
        if (dropped > 0) kept.add("(" + dropped + " more lines dropped)");
        return kept;
    }
}
