package dev.scrollback.adapters.crypto.accounts;

import dev.scrollback.domain.accounts.Secret;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints what one password check ({@link Argon2PasswordHasher#matches}, recommended cost) costs with each
 * implementation: median time and Java-heap bytes allocated by the checking thread (decision 0014). Not a test: run it
 * by hand like {@link Argon2CostMeasurement}, pinned to one core for steadier numbers:
 * <pre>
 * taskset -c 1 java -cp ... dev.scrollback.adapters.crypto.accounts.Argon2idImplementationMeasurement
 * </pre>
 */
public final class Argon2idImplementationMeasurement {
    private Argon2idImplementationMeasurement() {}

    public static void main(String[] args) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var secret = new Secret("correct horse battery staple");
        for (var function : List.of(new NativeArgon2id(), new BouncyCastleArgon2id())) {
            var hasher = new Argon2PasswordHasher(Argon2Cost.recommended(), 1, function);
            var hash = hasher.hash(secret);
            for (int i = 0; i < 20; i++) hasher.matches(secret, hash);       // warm: JIT, JNA's structure layouts
            var millis = new double[25];
            long allocated = 0;
            for (int i = 0; i < millis.length; i++) {
                long bytesBefore = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                hasher.matches(secret, hash);
                millis[i] = (System.nanoTime() - start) / 1e6;
                allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            }
            Arrays.sort(millis);
            System.out.printf("%-75s median %5.1f ms (min %5.1f, max %5.1f), %,12d heap bytes per check%n",
                    function.description(), millis[millis.length / 2], millis[0], millis[millis.length - 1],
                    allocated / millis.length);
        }
        var maps = Path.of("/proc/self/maps");                  // which libargon2 JNA loaded (Linux only)
        if (Files.exists(maps)) {
            Files.readAllLines(maps).stream().filter(line -> line.contains("argon2")).map(line -> line.replaceAll(".* ", ""))
                    .distinct().forEach(file -> System.out.println("loaded: " + file));
        }
    }
}
