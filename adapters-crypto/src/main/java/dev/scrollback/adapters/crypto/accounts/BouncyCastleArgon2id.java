package dev.scrollback.adapters.crypto.accounts;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Bouncy Castle's pure-Java Argon2id: runs on any JVM, but allocates the whole memory cost on the Java heap for every
 * hash (1 KiB block objects) and is slower than the C code; the fallback when libargon2 cannot be loaded.
 */
final class BouncyCastleArgon2id implements Argon2idFunction {

    @Override
    public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        // A generator per hash: it allocates the memory in init(), and the salt is one of init()'s parameters, so a
        // kept generator would reallocate it all the same
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        var tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }

    @Override
    public String description() {
        return "Bouncy Castle (pure Java)";
    }
}
