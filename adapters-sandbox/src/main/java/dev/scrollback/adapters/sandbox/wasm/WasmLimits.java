package dev.scrollback.adapters.sandbox.wasm;

/**
 * Hard limits for one plugin. Everything a plugin can make the host hold is bounded by one of these.
 *
 * @param maxModuleBytes   size of the module's bytes, checked before parsing
 * @param maxMemoryPages   cap on the declared maximum of the module's one linear memory (64 KiB pages)
 * @param maxTableEntries  cap on every table's declared maximum
 * @param kernelBytes      budget of the kernel memory during a call: input and every block the plugin allocates,
 *                         each block counted with a fixed overhead; past it {@code alloc} returns 0
 * @param maxOutputBytes   largest {@code output_set}
 * @param maxVarBytes      the key-value storage: sum of key and value bytes over all entries
 * @param maxLogLines      log lines kept per call; more are dropped and counted
 * @param maxLogLineBytes  bytes kept of one log line
 * @param maxErrorBytes    bytes kept of an {@code error_set} message
 */
public record WasmLimits(
        int maxModuleBytes,
        int maxMemoryPages,
        int maxTableEntries,
        int kernelBytes,
        int maxOutputBytes,
        int maxVarBytes,
        int maxLogLines,
        int maxLogLineBytes,
        int maxErrorBytes) {

    /** The Wasm page limit; a declared maximum of exactly this is what "no maximum" parses to. */
    static final int WASM_MAX_PAGES = 65_536;

    public WasmLimits {
        positive("maxModuleBytes", maxModuleBytes);
        positive("maxMemoryPages", maxMemoryPages);
        if (maxMemoryPages >= WASM_MAX_PAGES) {
            throw new IllegalArgumentException("maxMemoryPages must be below " + WASM_MAX_PAGES);
        }
        positive("maxTableEntries", maxTableEntries);
        positive("kernelBytes", kernelBytes);
        positive("maxOutputBytes", maxOutputBytes);
        if (maxVarBytes < 0) throw new IllegalArgumentException("maxVarBytes must be >= 0");
        if (maxLogLines < 0) throw new IllegalArgumentException("maxLogLines must be >= 0");
        positive("maxLogLineBytes", maxLogLineBytes);
        positive("maxErrorBytes", maxErrorBytes);
    }

    /** 4 MiB module, 16 MiB memory, 10,000 table entries, 4 MiB kernel, 1 MiB output, 64 KiB vars, 100 × 1 KiB logs. */
    public static WasmLimits defaults() {
        return new WasmLimits(4 << 20, 256, 10_000, 4 << 20, 1 << 20, 64 << 10, 100, 1024, 4096);
    }

    public WasmLimits withMaxMemoryPages(int pages) {
        return new WasmLimits(maxModuleBytes, pages, maxTableEntries, kernelBytes, maxOutputBytes, maxVarBytes,
                maxLogLines, maxLogLineBytes, maxErrorBytes);
    }

    public WasmLimits withKernelBytes(int bytes) {
        return new WasmLimits(maxModuleBytes, maxMemoryPages, maxTableEntries, bytes, maxOutputBytes, maxVarBytes,
                maxLogLines, maxLogLineBytes, maxErrorBytes);
    }

    public WasmLimits withMaxOutputBytes(int bytes) {
        return new WasmLimits(maxModuleBytes, maxMemoryPages, maxTableEntries, kernelBytes, bytes, maxVarBytes,
                maxLogLines, maxLogLineBytes, maxErrorBytes);
    }

    public WasmLimits withMaxVarBytes(int bytes) {
        return new WasmLimits(maxModuleBytes, maxMemoryPages, maxTableEntries, kernelBytes, maxOutputBytes, bytes,
                maxLogLines, maxLogLineBytes, maxErrorBytes);
    }

    public WasmLimits withMaxLogLines(int lines) {
        return new WasmLimits(maxModuleBytes, maxMemoryPages, maxTableEntries, kernelBytes, maxOutputBytes,
                maxVarBytes, lines, maxLogLineBytes, maxErrorBytes);
    }

    private static void positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0");
    }
}
