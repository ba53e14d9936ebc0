package dev.scrollback.adapters.sandbox.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, item 4, for scripts: memory bombs do not hurt the host. Run in a second JVM with a heap of 512 MiB, twice
 * one call's allocation budget, so that a bomb that got through would starve that JVM, not this one: single huge
 * allocations are {@code RangeError}s before anything is allocated, bombs that grow are {@code MEMORY} faults, the
 * script serves its next call, and a host thread allocating all along never runs out of memory. (Built-ins that run
 * to their end before a stop lands, such as {@code Object.keys} of a huge array, are not bounded this way: decision
 * 0017 lists them with what they were measured to cost.)
 */
class JsMemoryBombsTest {
    private static final Map<String, String> BOMBS = bombs(
            "new ArrayBuffer(2 ** 31 - 9)", "Failed: RangeError: Array buffer allocation failed",
            "new ArrayBuffer(8, { maxByteLength: 2 ** 31 - 9 })", "Failed: RangeError: Array buffer allocation failed",
            "new Uint8Array(2 ** 30)", "Failed: RangeError: Invalid typed array length: 1073741824",
            "new Uint8Array(2 ** 28)", "Failed: RangeError: Invalid typed array length: 268435456",
            "'x'.repeat(2 ** 29)", "Failed: RangeError: Invalid string length",
            "new SharedArrayBuffer(2 ** 30)", "Failed: ReferenceError: SharedArrayBuffer is not defined",
            "new Array(1e9).fill(0)", "Faulted MEMORY",
            "(() => { const kept = []; while (true) kept.push(new Float64Array(512 * 1024)); })()", "Faulted MEMORY",
            "1n << 2147483646n", "Faulted MEMORY");

    @Test
    void memory_bombs_are_refused_or_stopped_and_the_host_keeps_working() throws Exception {
        var lines = runChild("-Xmx512m", new ArrayList<>(BOMBS.keySet()));

        var bombs = lines.stream().filter(line -> line.startsWith("bomb|")).map(line -> line.split("\\|", -1)).toList();
        assertThat(bombs).hasSize(BOMBS.size()).allSatisfy(fields -> {
            assertThat(fields[2]).as(fields[1]).startsWith(BOMBS.get(fields[1]));
            assertThat(fields[4]).as("%s: the script serves its next call", fields[1]).isEqualTo("yes");
        });
        var host = lines.stream().filter(line -> line.startsWith("host|")).findFirst().orElseThrow().split("\\|");
        assertThat(Long.parseLong(host[1])).as("OutOfMemoryErrors on the host thread").isZero();
        assertThat(Long.parseLong(host[2])).as("the host thread's allocations").isPositive();
    }

    /** Runs {@link MemoryBombs} in a JVM of its own and returns what it printed; prints it too, as a measurement. */
    static List<String> runChild(String heap, List<String> expressions) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(java, heap,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                MemoryBombs.class.getName()));
        command.addAll(expressions);
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child JVM ends").isTrue();
        System.out.print(output);
        assertThat(process.exitValue()).as("the child JVM's exit code; it printed:%n%s", output).isZero();
        return output.lines().toList();
    }

    private static Map<String, String> bombs(String... pairs) {
        var bombs = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) bombs.put(pairs[i], pairs[i + 1]);
        return bombs;
    }
}
