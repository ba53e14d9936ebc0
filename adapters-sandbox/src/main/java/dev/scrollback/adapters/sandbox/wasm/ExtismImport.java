package dev.scrollback.adapters.sandbox.wasm;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The functions this host serves, with their exact wasm signatures: module {@code extism:host/env}, the Extism kernel
 * and built-in host functions (handles are i64, bytes travel as i32), and module {@code extism:host/user}, where PDKs
 * import user-defined host functions — the BBS's own, each taking and returning a memory block. The kernel's host-side
 * plumbing ({@code input_set}, {@code output_length}, {@code reset}, …) is not offered: no PDK imports it.
 */
enum ExtismImport {
    ALLOC("alloc", List.of(I64), List.of(I64)),
    FREE("free", List.of(I64), List.of()),
    LENGTH("length", List.of(I64), List.of(I64)),
    LENGTH_UNSAFE("length_unsafe", List.of(I64), List.of(I64)),
    LOAD_U8("load_u8", List.of(I64), List.of(I32)),
    LOAD_U64("load_u64", List.of(I64), List.of(I64)),
    STORE_U8("store_u8", List.of(I64, I32), List.of()),
    STORE_U64("store_u64", List.of(I64, I64), List.of()),
    INPUT_LENGTH("input_length", List.of(), List.of(I64)),
    INPUT_OFFSET("input_offset", List.of(), List.of(I64)),
    INPUT_LOAD_U8("input_load_u8", List.of(I64), List.of(I32)),
    INPUT_LOAD_U64("input_load_u64", List.of(I64), List.of(I64)),
    OUTPUT_SET("output_set", List.of(I64, I64), List.of()),
    ERROR_SET("error_set", List.of(I64), List.of()),
    CONFIG_GET("config_get", List.of(I64), List.of(I64)),
    VAR_GET("var_get", List.of(I64), List.of(I64), HostPermission.KEY_VALUE),
    VAR_SET("var_set", List.of(I64, I64), List.of(), HostPermission.KEY_VALUE),
    HTTP_REQUEST("http_request", List.of(I64, I64), List.of(I64), HostPermission.HTTP),
    HTTP_STATUS_CODE("http_status_code", List.of(), List.of(I32), HostPermission.HTTP),
    HTTP_HEADERS("http_headers", List.of(), List.of(I64), HostPermission.HTTP),
    LOG_TRACE("log_trace", List.of(I64), List.of()),
    LOG_DEBUG("log_debug", List.of(I64), List.of()),
    LOG_INFO("log_info", List.of(I64), List.of()),
    LOG_WARN("log_warn", List.of(I64), List.of()),
    LOG_ERROR("log_error", List.of(I64), List.of()),
    GET_LOG_LEVEL("get_log_level", List.of(), List.of(I32)),
    POST_MESSAGE(Module.USER, "post_message", HostPermission.POST_MESSAGE),
    READ_USER(Module.USER, "read_user", HostPermission.READ_USER);

    /** The import modules offered. */
    enum Module {
        ENV("extism:host/env"), USER("extism:host/user");

        final String wasmName;

        Module(String wasmName) {
            this.wasmName = wasmName;
        }

        static Optional<Module> named(String name) {
            return Arrays.stream(values()).filter(m -> m.wasmName.equals(name)).findFirst();
        }
    }

    private final Module module;
    private final String abiName;
    private final FunctionType type;
    private final Optional<HostPermission> permission;

    ExtismImport(String abiName, List<ValType> params, List<ValType> results) {
        this(Module.ENV, abiName, params, results, Optional.empty());
    }

    ExtismImport(String abiName, List<ValType> params, List<ValType> results, HostPermission permission) {
        this(Module.ENV, abiName, params, results, Optional.of(permission));
    }

    /** A user host function: a block's handle in, a block's handle (or 0) out. */
    ExtismImport(Module module, String abiName, HostPermission permission) {
        this(module, abiName, List.of(I64), List.of(I64), Optional.of(permission));
    }

    ExtismImport(Module module, String abiName, List<ValType> params, List<ValType> results,
                 Optional<HostPermission> permission) {
        this.module = module;
        this.abiName = abiName;
        this.type = FunctionType.of(params, results);
        this.permission = permission;
    }

    String moduleName() {
        return module.wasmName;
    }

    String abiName() {
        return abiName;
    }

    FunctionType type() {
        return type;
    }

    Optional<HostPermission> permission() {
        return permission;
    }

    static Optional<ExtismImport> named(String module, String name) {
        return Arrays.stream(values()).filter(i -> i.module.wasmName.equals(module) && i.abiName.equals(name)).findFirst();
    }

    /** Whether {@code module} is one of the modules offered. */
    static boolean offers(String module) {
        return Module.named(module).isPresent();
    }

    /** The modules offered, as a finding names them. */
    static String modules() {
        return Arrays.stream(Module.values()).map(m -> m.wasmName).collect(java.util.stream.Collectors.joining(" and "));
    }
}
