package dev.scrollback.adapters.sandbox.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import dev.scrollback.adapters.sandbox.call.CallLog;
import dev.scrollback.adapters.sandbox.call.CallLogCollector;
import dev.scrollback.adapters.sandbox.call.FaultKind;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import dev.scrollback.adapters.sandbox.call.LogLevel;
import dev.scrollback.adapters.sandbox.call.LogLine;
import dev.scrollback.adapters.sandbox.call.PluginVars;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Extism kernel and built-in host functions, written in Java (not Extism's kernel wasm, not its chicory-sdk):
 * the {@code extism:host/env} functions one plugin imports, served from {@link KernelBlocks}, the call's input,
 * output and error, the plugin's vars, a read-only config map, and a bounded log.
 *
 * <p>Per call, like the Extism runtime: {@link #beginCall} drops every block (handles never survive a call), puts the
 * input in a block, clears output and error; vars survive. What traps, with a {@link KernelFault}, where the reference
 * kernel would quietly go on: any access outside a live block, {@code output_set} past the output limit, a var store
 * past its limit, and a permission the policy does not grant. What returns 0, as the reference does: {@code alloc}
 * over budget or of 0 bytes, {@code config_get}/{@code var_get} of an absent key, {@code length} of anything but a
 * live block's start.
 *
 * <p>The BBS's own functions ({@code extism:host/user}: {@code post_message}, {@code read_user}) read a request block
 * of at most {@link HostCalls#MAX_REQUEST_BYTES}, hand it to {@link HostCalls} and answer a block with the reply (0 when
 * there is none, or when it does not fit the kernel memory).
 *
 * <p>Outbound HTTP, as Extism's ABI has it (decision 0019): {@code http_request(req, body)} reads the request JSON
 * (at most {@link HostCalls#MAX_HTTP_REQUEST_BYTES}) and the body block (0 for none; at most
 * {@link HostCalls#MAX_HTTP_BODY_BYTES}), hands them to {@link HostCalls#httpRequest} and answers a block with the
 * response body (0 when it is empty); {@code http_status_code} answers the status of the call's last request and
 * {@code http_headers} a fresh block with its headers as JSON (0 before any request). A call
 * makes at most {@link HostCalls#MAX_HTTP_REQUESTS_PER_CALL} requests. Every refusal ends the call: a host or address
 * not allowed with PERMISSION, a request that does not read or gets no answer with TRAP, as Extism's runtime fails the
 * call; a host with no capacity with BUSY.
 *
 * <p>Not thread-safe: one kernel serves one plugin, whose calls {@link WasmPlugin} runs one at a time.
 */
final class ExtismKernel {
    private static final long[] NOTHING = new long[0];
    private static final int MAX_KEY_BYTES = 1024;

    private final WasmPolicy policy;
    private final Map<String, String> config;
    private final KernelBlocks blocks;
    private final PluginVars vars;
    private final CallLogCollector log;
    private final HostCalls host;
    private long inputHandle;
    private byte[] output = new byte[0];
    private Optional<String> error = Optional.empty();
    private int httpRequests;                                  // this call's
    private int httpStatus;                                    // the last request's, 0 when none
    private Optional<String> httpHeaders = Optional.empty();  // the last request's

    ExtismKernel(WasmPolicy policy, Map<String, String> config, Map<String, byte[]> vars, HostCalls host) {
        this.policy = policy;
        this.host = host;
        this.config = Map.copyOf(config);
        this.blocks = new KernelBlocks(policy.limits().kernelBytes());
        this.vars = new PluginVars(policy.limits().maxVarBytes(), vars);
        this.log = new CallLogCollector(policy.limits().maxLogLines());
    }

    /** The vars written since the last take (see {@link PluginVars#takeWrites}). */
    Map<String, Optional<byte[]>> takeVarWrites() {
        return vars.takeWrites();
    }

    /** One host function per function of the ABI, all bound to this kernel. */
    List<ImportFunction> hostFunctions() {
        return Arrays.stream(ExtismImport.values())
                .<ImportFunction>map(f -> new HostFunction(f.moduleName(), f.abiName(), f.type(),
                        (instance, args) -> serve(f, args)))
                .toList();
    }

    /** Starts a call: a fresh kernel memory holding the input. Faults with MEMORY if the input does not fit. */
    void beginCall(byte[] input) {
        endCall();
        if (input.length > 0) {
            inputHandle = blocks.allocCopy(input);
            if (inputHandle == 0) {
                throw new KernelFault(FaultKind.MEMORY, "an input of " + input.length
                        + " bytes does not fit the kernel memory of " + policy.limits().kernelBytes() + " bytes");
            }
        }
    }

    /** Forgets the call's blocks, output, error and log, so that nothing of it stays reachable. */
    void endCall() {
        blocks.clear();
        log.clear();
        inputHandle = 0;
        output = new byte[0];
        error = Optional.empty();
        forgetHttp();
    }

    byte[] output() {
        return output;
    }

    Optional<String> error() {
        return error;
    }

    CallLog log() {
        return log.toLog();
    }

    private long[] serve(ExtismImport function, long[] args) {
        return switch (function) {
            case ALLOC -> one(blocks.alloc(args[0]));
            case FREE -> {
                if (blocks.free(args[0]) && args[0] == inputHandle) inputHandle = 0;   // freed input: length 0
                yield NOTHING;
            }
            case LENGTH, LENGTH_UNSAFE -> one(blocks.length(args[0]));
            case LOAD_U8 -> one(blocks.loadU8(args[0]));
            case LOAD_U64 -> one(blocks.loadU64(args[0]));
            case STORE_U8 -> {
                blocks.storeU8(args[0], (int) args[1]);
                yield NOTHING;
            }
            case STORE_U64 -> {
                blocks.storeU64(args[0], args[1]);
                yield NOTHING;
            }
            case INPUT_LENGTH -> one(blocks.length(inputHandle));
            case INPUT_OFFSET -> one(inputHandle);
            case INPUT_LOAD_U8 -> one(blocks.loadU8(inputAddress(args[0], 1)));
            case INPUT_LOAD_U64 -> one(blocks.loadU64(inputAddress(args[0], 8)));
            case OUTPUT_SET -> {
                setOutput(args[0], args[1]);
                yield NOTHING;
            }
            case ERROR_SET -> {
                setError(args[0]);
                yield NOTHING;
            }
            case CONFIG_GET -> one(Optional.ofNullable(config.get(key(args[0], "config_get")))
                    .map(value -> blocks.allocCopy(value.getBytes(StandardCharsets.UTF_8))).orElse(0L));
            case VAR_GET -> {
                require(HostPermission.KEY_VALUE, "var_get");
                yield one(vars.get(key(args[0], "var_get")).map(blocks::allocCopy).orElse(0L));
            }
            case VAR_SET -> {
                require(HostPermission.KEY_VALUE, "var_set");
                setVar(args[0], args[1]);
                yield NOTHING;
            }
            case HTTP_REQUEST -> {
                require(HostPermission.HTTP, "http_request");
                yield one(httpRequest(args[0], args[1]));
            }
            case HTTP_STATUS_CODE -> {
                require(HostPermission.HTTP, "http_status_code");
                yield one(httpStatus);
            }
            case HTTP_HEADERS -> {
                require(HostPermission.HTTP, "http_headers");
                yield one(httpHeaders.map(this::answer).orElse(0L));
            }
            case LOG_TRACE -> log(LogLevel.TRACE, args[0]);
            case LOG_DEBUG -> log(LogLevel.DEBUG, args[0]);
            case LOG_INFO -> log(LogLevel.INFO, args[0]);
            case LOG_WARN -> log(LogLevel.WARN, args[0]);
            case LOG_ERROR -> log(LogLevel.ERROR, args[0]);
            case GET_LOG_LEVEL -> one(policy.logLevel().abiValue());
            case POST_MESSAGE -> {
                require(HostPermission.POST_MESSAGE, "post_message");
                var request = request(args[0], "post_message");
                yield one(answer(hostCall(() -> host.postMessage(request))));
            }
            case READ_USER -> {
                require(HostPermission.READ_USER, "read_user");
                var handle = request(args[0], "read_user");
                yield one(hostCall(() -> host.readUser(handle)).map(this::answer).orElse(0L));
            }
        };
    }

    /** A user host function's request: the UTF-8 text of its block, from the handle to the block's end. */
    private String request(long address, String what) {
        long length = blocks.remaining(address, what);
        if (length > HostCalls.MAX_REQUEST_BYTES) {
            throw KernelFault.trap(what + ": a request of " + length + " bytes; at most " + HostCalls.MAX_REQUEST_BYTES
                    + " are read");
        }
        return new String(blocks.read(address, length, what), StandardCharsets.UTF_8);
    }

    /** The reply in a fresh block (0 when it does not fit: the plugin sees no answer, as with {@code alloc}). */
    private long answer(String reply) {
        return blocks.allocCopy(reply.getBytes(StandardCharsets.UTF_8));
    }

    /** What the host answered; a forbidden call is a PERMISSION fault, an interrupted one ends the call (deadline). */
    private static <T> T hostCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (HostCalls.Forbidden forbidden) {
            throw new KernelFault(FaultKind.PERMISSION, forbidden.getMessage());
        } catch (HostCalls.Interrupted interrupted) {
            throw new com.dylibso.chicory.runtime.ChicoryInterruptedException(interrupted.getMessage());
        }
    }

    /** One request: read from the guest within bounds, made by the host, its body put in a block (0 when empty). */
    private long httpRequest(long requestAddress, long bodyAddress) {
        if (httpRequests >= HostCalls.MAX_HTTP_REQUESTS_PER_CALL) {
            throw KernelFault.trap("http_request: a call makes at most " + HostCalls.MAX_HTTP_REQUESTS_PER_CALL
                    + " requests");
        }
        long length = blocks.remaining(requestAddress, "http_request");
        if (length > HostCalls.MAX_HTTP_REQUEST_BYTES) {
            throw KernelFault.trap("http_request: a request of " + length + " bytes; at most "
                    + HostCalls.MAX_HTTP_REQUEST_BYTES + " are read");
        }
        var request = new String(blocks.read(requestAddress, length, "http_request"), StandardCharsets.UTF_8);
        var body = new byte[0];
        if (bodyAddress != 0) {
            long bodyLength = blocks.remaining(bodyAddress, "http_request");
            if (bodyLength > HostCalls.MAX_HTTP_BODY_BYTES) {
                throw KernelFault.trap("http_request: a body of " + bodyLength + " bytes; at most "
                        + HostCalls.MAX_HTTP_BODY_BYTES + " are read");
            }
            body = blocks.read(bodyAddress, bodyLength, "http_request");
        }
        httpRequests++;
        httpStatus = 0;                       // nothing of an earlier request stays readable if this one fails
        httpHeaders = Optional.empty();
        var sent = body;
        var reply = httpCall(() -> host.httpRequest(request, sent));
        httpStatus = reply.status();
        httpHeaders = Optional.of(reply.headers());
        var responseBody = reply.body();
        if (responseBody.length == 0) return 0;
        long handle = blocks.allocCopy(responseBody);
        if (handle == 0) {
            throw new KernelFault(FaultKind.MEMORY, "http_request: a response of " + responseBody.length
                    + " bytes does not fit the kernel memory left (" + (policy.limits().kernelBytes() - blocks.used())
                    + " of " + policy.limits().kernelBytes() + " bytes)");
        }
        return handle;
    }

    /** What the host answered; each refusal ends the call with its fault kind, an interrupt as at the deadline. */
    private static HostCalls.HttpReply httpCall(java.util.function.Supplier<HostCalls.HttpReply> call) {
        try {
            return call.get();
        } catch (HostCalls.Forbidden forbidden) {
            throw new KernelFault(FaultKind.PERMISSION, forbidden.getMessage());
        } catch (HostCalls.Unanswered unanswered) {
            throw KernelFault.trap(unanswered.getMessage());
        } catch (HostCalls.Busy busy) {
            throw new KernelFault(FaultKind.BUSY, busy.getMessage());
        } catch (HostCalls.Interrupted interrupted) {
            throw new com.dylibso.chicory.runtime.ChicoryInterruptedException(interrupted.getMessage());
        }
    }

    private void forgetHttp() {
        httpRequests = 0;
        httpStatus = 0;
        httpHeaders = Optional.empty();
    }

    /** {@code input_load_*} take an offset relative to the input, not a handle. */
    private long inputAddress(long offset, int width) {
        long length = blocks.length(inputHandle);
        if (offset < 0 || offset > length - width) {
            throw KernelFault.trap("input_load: offset " + Long.toUnsignedString(offset) + " (" + width
                    + " bytes) is outside the input of " + length + " bytes");
        }
        return inputHandle + offset;
    }

    private void setOutput(long address, long length) {
        int max = policy.limits().maxOutputBytes();
        if (length < 0 || length > max) {
            throw new KernelFault(FaultKind.OUTPUT_TOO_LARGE, "output_set: " + Long.toUnsignedString(length)
                    + " bytes; the output limit is " + max + " bytes");
        }
        output = length == 0 ? new byte[0] : blocks.read(address, length, "output_set");
    }

    private void setError(long address) {
        if (address == 0) {
            error = Optional.empty();
            return;
        }
        error = Optional.of(text(address, policy.limits().maxErrorBytes(), "error_set"));
    }

    private void setVar(long keyAddress, long valueAddress) {
        var key = key(keyAddress, "var_set");
        if (valueAddress == 0) {
            vars.delete(key);
            return;
        }
        long length = blocks.remaining(valueAddress, "var_set");
        if (length > policy.limits().maxVarBytes()) {   // refuse before copying a huge block
            throw new KernelFault(FaultKind.STORAGE_FULL, "var_set: a value of " + length
                    + " bytes; the key-value storage holds at most " + policy.limits().maxVarBytes());
        }
        try {
            vars.set(key, blocks.read(valueAddress, length, "var_set"));
        } catch (PluginVars.Full full) {
            throw new KernelFault(FaultKind.STORAGE_FULL, "var_set: " + full.getMessage());
        }
    }

    private long[] log(LogLevel level, long address) {
        if (level.compareTo(policy.logLevel()) < 0) return NOTHING;
        if (log.full()) {
            log.drop();   // counted without even reading the message
        } else {
            log.add(new LogLine(level, text(address, policy.limits().maxLogLineBytes(), "log")));
        }
        return NOTHING;
    }

    /** Keys are the UTF-8 bytes from the handle to the end of its block, as PDKs allocate them. */
    private String key(long address, String what) {
        if (blocks.remaining(address, what) > MAX_KEY_BYTES) {
            throw KernelFault.trap(what + ": keys are at most " + MAX_KEY_BYTES + " bytes");
        }
        return new String(blocks.readToEnd(address, MAX_KEY_BYTES, what), StandardCharsets.UTF_8);
    }

    /** A message from the handle to the end of its block, cut to {@code limit} bytes with an ellipsis. */
    private String text(long address, int limit, String what) {
        boolean cut = blocks.remaining(address, what) > limit;
        var text = new String(blocks.readToEnd(address, limit, what), StandardCharsets.UTF_8);
        return cut ? text + "…" : text;
    }

    private void require(HostPermission permission, String function) {
        if (!policy.grants(permission)) {
            throw new KernelFault(FaultKind.PERMISSION, function + " needs the " + permission + " permission");
        }
    }

    private static long[] one(long value) {
        return new long[] {value};
    }
}
