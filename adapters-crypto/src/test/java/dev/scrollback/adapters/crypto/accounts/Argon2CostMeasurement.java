package dev.scrollback.adapters.crypto.accounts;

import dev.scrollback.domain.accounts.Secret;
import java.util.Arrays;
import java.util.List;

/**
 * Prints how long one hash takes at a few costs (median of 15 after warming up), with the implementation this JVM
 * chooses (native libargon2 where it loads; see the log line). Not a test: run it by hand on the
 * machine you deploy to, after {@code ./mvnw -q -B -pl adapters-crypto install}:
 * <pre>
 * ./mvnw -q -B -pl adapters-crypto dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp adapters-crypto/target/classes:adapters-crypto/target/test-classes:$(cat /tmp/cp.txt) \
 *      dev.scrollback.adapters.crypto.accounts.Argon2CostMeasurement
 * </pre>
 */
public final class Argon2CostMeasurement {
    private Argon2CostMeasurement() {}

    public static void main(String[] args) {
        var secret = new Secret("correct horse battery staple");
        for (var cost : List.of(new Argon2Cost(7_168, 5, 1), new Argon2Cost(19_456, 2, 1), Argon2Cost.recommended(),
                new Argon2Cost(47_104, 1, 1), new Argon2Cost(65_536, 3, 1))) {
            var hasher = new Argon2PasswordHasher(cost, 1);
            for (int i = 0; i < 10; i++) hasher.hash(secret);              // let the JIT compile the hot loop
            var millis = new double[15];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                hasher.hash(secret);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf("%-55s median %6.1f ms  (min %6.1f, max %6.1f)%n", cost, millis[millis.length / 2], millis[0],
                    millis[millis.length - 1]);
        }
    }
}
