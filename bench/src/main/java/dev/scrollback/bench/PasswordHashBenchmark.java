package dev.scrollback.bench;

import dev.scrollback.adapters.crypto.accounts.Argon2Cost;
import dev.scrollback.adapters.crypto.accounts.Argon2PasswordHasher;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Secret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a login costs in CPU (issue 3, item 12): one {@link Argon2PasswordHasher#matches} at {@link Argon2Cost#recommended()},
 * the work every password login does once. Measured with one thread and with two (this machine's cores; the hasher lets
 * as many hashes run at once as there are cores, so two threads show the most logins per second the hasher allows).
 *
 * <pre>bench/run jmh PasswordHashBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PasswordHashBenchmark {
    private static final Secret PASSWORD = new Secret("benchmark password 1");

    private Argon2PasswordHasher hasher;
    private PasswordHash stored;

    @Setup(Level.Trial)
    public void hashOnce() {
        hasher = new Argon2PasswordHasher(Argon2Cost.recommended());
        stored = hasher.hash(PASSWORD);
    }

    @Benchmark
    @Threads(1)
    public boolean matches_one_thread() {
        return check();
    }

    @Benchmark
    @Threads(2)
    public boolean matches_two_threads() {
        return check();
    }

    private boolean check() {
        if (!hasher.matches(PASSWORD, stored)) throw new IllegalStateException("the right password did not match");
        return true;
    }
}
