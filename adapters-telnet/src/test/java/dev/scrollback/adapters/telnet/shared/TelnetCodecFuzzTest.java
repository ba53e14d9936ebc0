package dev.scrollback.adapters.telnet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input, randomised but seeded (a failure names its seed): the codec may only ever say
 * {@link ProtocolViolation}, its output stays bounded by its input, and it always returns.
 */
class TelnetCodecFuzzTest {
    static final long SEED = 0x5C0_11BAC4L;
    static final int ROUNDS = 3_000;
    /** Bytes with meaning to telnet, drawn more often than chance would. */
    static final int[] INTERESTING = {255, 255, 255, 250, 240, 251, 252, 253, 254, 246, 247, 248, 241, 13, 10, 0,
            1, 3, 24, 31, 34, 39, 0};

    static byte[] hostile(Random random) {
        var bytes = new byte[random.nextInt(2_000)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)]);
        }
        return bytes;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)   // only so a hang cannot stall the build; it runs in well under that
    void random_and_hostile_bytes_never_break_the_codec() {
        var random = new Random(SEED);
        int violations = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var codec = new TelnetCodec();
            if (random.nextBoolean()) codec.start();
            var input = hostile(random);
            boolean failed = false;
            for (int offset = 0; offset < input.length; ) {
                int length = Math.min(input.length - offset, 1 + random.nextInt(64));
                try {
                    var decoded = codec.decode(input, offset, length);
                    if (failed) fail("round %d: a failed codec decoded again", round);
                    assertThat(decoded.data().length).as("round %d data", round).isLessThanOrEqualTo(length);
                    assertThat(decoded.replies().length).as("round %d replies", round).isLessThanOrEqualTo(16 * length);
                    decoded.terminalType().ifPresent(type -> assertThat(type).hasSizeBetween(1, 40)
                            .matches("[\\x21-\\x7e]+"));
                } catch (ProtocolViolation expected) {
                    if (!failed) violations++;
                    failed = true;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("round " + round + " (seed " + SEED + ") threw " + e, e);
                }
                offset += length;
            }
        }
        assertThat(violations).as("some rounds should hit the subnegotiation limit").isPositive();
    }

    @Test
    void random_data_survives_encoding_and_decoding() throws Exception {
        var random = new Random(SEED + 1);
        for (int round = 0; round < 500; round++) {
            var data = new byte[random.nextInt(300)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (random.nextBoolean() ? random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)]);
            }
            var wire = TelnetCodec.encode(data, 0, data.length);
            var back = new TelnetCodec().decode(wire, 0, wire.length).data();
            var expected = new String(data, StandardCharsets.ISO_8859_1).replace("\r\n", "\r").replace('\n', '\r');
            assertThat(new String(back, StandardCharsets.ISO_8859_1)).as("round %d", round).isEqualTo(expected);
        }
    }
}
