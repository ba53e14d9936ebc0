package dev.scrollback.adapters.sandbox.wasm;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a module may run, before any of its code does. It closes the holes Chicory leaves open (STACK.md):
 * only memory 0 is capped by Chicory, so more memories are refused; a memory must declare a maximum within the cap;
 * tables must declare a bounded maximum; GC struct/array types (host-heap allocations) and exception tags are refused;
 * a start section would run during instantiation, outside any deadline, so it is refused too. Imports are functions of
 * {@code extism:host/env} only, each with the ABI's exact signature and, where one is needed, the granted permission.
 * Every finding is reported, not just the first.
 */
public final class WasmModuleCheck {
    private static final FunctionType RETURNS_CODE = FunctionType.returning(ValType.I32);
    private static final FunctionType RETURNS_NOTHING = FunctionType.empty();

    private WasmModuleCheck() {}

    /**
     * @param bytes   the module as submitted
     * @param exports the functions the host will call (each must be {@code () -> i32} or {@code () -> ()})
     */
    public static ModuleVerdict check(byte[] bytes, Set<String> exports, WasmPolicy policy) {
        var limits = policy.limits();
        if (bytes.length > limits.maxModuleBytes()) {
            return refused("the module is " + bytes.length + " bytes; the limit is " + limits.maxModuleBytes());
        }
        var shape = WasmShape.problem(bytes);                 // before the parser sizes anything from the module's counts
        if (shape.isPresent()) return refused("not a module this host takes: " + shape.get());
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (RuntimeException e) {
            return refused("not a valid WebAssembly module: " + describe(e));
        }
        var findings = new ArrayList<String>();
        checkTypes(module, findings);
        checkImports(module, policy, findings);
        checkMemories(module, limits, findings);
        checkTables(module, limits, findings);
        if (module.tagSection().map(t -> t.tagCount() > 0).orElse(false)) {
            findings.add("the module declares exception tags; exception handling is not supported");
        }
        module.startSection().ifPresent(start -> findings.add("the module has a start section (function "
                + start.startIndex() + "), which would run while loading, outside any deadline; remove it"));
        for (var name : exports) checkExport(module, name, findings);
        return findings.isEmpty() ? new ModuleVerdict.Accepted(module) : new ModuleVerdict.Refused(findings);
    }

    private static void checkTypes(WasmModule module, List<String> findings) {
        var types = module.typeSection();
        for (int i = 0; i < types.subTypeCount(); i++) {
            if (types.getSubType(i).compType().funcType() == null) {
                findings.add("type " + i + " is a GC struct or array type; garbage-collected types are not supported");
                return;   // one finding is enough: the module uses the GC proposal
            }
        }
    }

    private static void checkImports(WasmModule module, WasmPolicy policy, List<String> findings) {
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            var imported = imports.getImport(i);
            var where = imported.module() + "." + imported.name();
            if (imported.importType() != ExternalType.FUNCTION) {
                findings.add("imports " + kind(imported) + " " + where
                        + "; only functions of " + ExtismImport.modules() + " can be imported");
            } else if (!ExtismImport.offers(imported.module())) {
                findings.add("imports function " + where + "; only functions of " + ExtismImport.modules()
                        + " are offered" + (imported.module().startsWith("wasi") ? " (WASI is not offered)" : ""));
            } else {
                checkExtismImport(module, (FunctionImport) imported, policy, findings);
            }
        }
    }

    private static void checkExtismImport(WasmModule module, FunctionImport imported, WasmPolicy policy,
                                          List<String> findings) {
        var where = imported.module() + "." + imported.name();
        Optional<ExtismImport> known = ExtismImport.named(imported.module(), imported.name());
        if (known.isEmpty()) {
            findings.add("imports unknown host function " + where);
            return;
        }
        var expected = known.get().type();
        var declared = functionType(module, imported.typeIndex());
        if (declared.isEmpty() || !declared.get().equals(expected)) {
            findings.add("imports " + where + " as " + declared.map(WasmModuleCheck::signature).orElse("a non-function type")
                    + "; the ABI's signature is " + signature(expected));
        }
        known.get().permission().filter(p -> !policy.grants(p)).ifPresent(p ->
                findings.add("imports " + where + ", which needs the " + p + " permission; it was not granted"));
    }

    private static void checkMemories(WasmModule module, WasmLimits limits, List<String> findings) {
        var memories = module.memorySection();
        int count = memories.map(m -> m.memoryCount()).orElse(0);
        if (count > 1) {
            findings.add("the module declares " + count + " memories; at most one is allowed (multi-memory is not supported)");
        }
        for (int i = 0; i < count; i++) {
            checkMemory(i, memories.get().getMemory(i).limits(), limits.maxMemoryPages(), findings);
        }
    }

    private static void checkMemory(int index, MemoryLimits declared, int cap, List<String> findings) {
        var which = "memory " + index;
        if (declared.shared()) findings.add(which + " is shared; threads are not supported");
        if (declared.maximumPages() >= WasmLimits.WASM_MAX_PAGES) {
            findings.add(which + " declares no maximum; a maximum of at most " + cap + " pages (64 KiB each) is required");
        } else if (declared.maximumPages() > cap) {
            findings.add(which + " declares a maximum of " + declared.maximumPages()
                    + " pages; the cap is " + cap + " pages (64 KiB each)");
        }
        if (declared.initialPages() > cap) {
            findings.add(which + " declares " + declared.initialPages() + " initial pages; the cap is " + cap + " pages");
        }
    }

    private static void checkTables(WasmModule module, WasmLimits limits, List<String> findings) {
        var tables = module.tableSection();
        for (int i = 0; i < tables.tableCount(); i++) {
            var declared = tables.getTable(i).limits();
            if (declared.max() > limits.maxTableEntries()) {
                findings.add("table " + i + " declares " + (declared.max() >= TableLimits.LIMIT_MAX
                        ? "no maximum" : "a maximum of " + declared.max() + " entries")
                        + "; a maximum of at most " + limits.maxTableEntries() + " entries is required");
            }
        }
    }

    private static void checkExport(WasmModule module, String name, List<String> findings) {
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var export = exports.getExport(i);
            if (!export.name().equals(name)) continue;
            if (export.exportType() != ExternalType.FUNCTION) {
                findings.add("export " + name + " is a " + export.exportType().name().toLowerCase(Locale.ROOT) + ", not a function");
                return;
            }
            var type = exportedFunctionType(module, export.index());
            if (type.isEmpty() || !(type.get().equals(RETURNS_CODE) || type.get().equals(RETURNS_NOTHING))) {
                findings.add("export " + name + " has type " + type.map(WasmModuleCheck::signature).orElse("?")
                        + "; a plugin function takes no parameters and returns i32 (or nothing)");
            }
            return;
        }
        findings.add("the module exports no function named " + name);
    }

    /** The type of function {@code index} in the function index space: imported functions come first. */
    static Optional<FunctionType> exportedFunctionType(WasmModule module, long index) {
        var imports = module.importSection();
        int seen = 0;
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof FunctionImport function) {
                if (seen == index) return functionType(module, function.typeIndex());
                seen++;
            }
        }
        long local = index - seen;
        if (local < 0 || local >= module.functionSection().functionCount()) return Optional.empty();
        return functionType(module, module.functionSection().getFunctionType((int) local));
    }

    private static Optional<FunctionType> functionType(WasmModule module, int typeIndex) {
        var types = module.typeSection();
        if (typeIndex < 0 || typeIndex >= types.subTypeCount()) return Optional.empty();
        return Optional.ofNullable(types.getSubType(typeIndex).compType().funcType());
    }

    /** As in the WAT text format's order: {@code (i64, i64) -> (i32)}. */
    private static String signature(FunctionType type) {
        return valueTypes(type.params()) + " -> " + valueTypes(type.returns());
    }

    private static String valueTypes(List<ValType> types) {
        return types.stream().map(t -> t.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String kind(Import imported) {
        return "a " + imported.importType().name().toLowerCase(Locale.ROOT);
    }

    private static ModuleVerdict refused(String reason) {
        return new ModuleVerdict.Refused(List.of(reason));
    }

    static String describe(Throwable e) {
        var message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
