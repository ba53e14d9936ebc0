package dev.scrollback.adapters.telnet.shared;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The telnet protocol (RFC 854/855) as a pure state machine, no I/O: bytes from the peer go in, and out come the
 * caller's data bytes, the bytes to answer with, and what the peer told us about its terminal (NAWS, RFC 1073;
 * TTYPE, RFC 1091). We offer ECHO and SGA and ask for SGA, NAWS and TTYPE; everything else is refused.
 *
 * <p>Option state follows RFC 1143's Q method, so an answer to our own request is never answered again and two
 * implementations cannot loop. {@code CR LF} and {@code CR NUL} both arrive as a single {@code CR}. A subnegotiation
 * longer than {@link #MAX_SUBNEGOTIATION} bytes is a {@link ProtocolViolation}; after one, the codec stays failed.
 * Every call's output is bounded by its input: data by the input's length, replies by a small multiple of it.
 * Not thread-safe: one reader drives it.
 */
public final class TelnetCodec {
    public static final int MAX_SUBNEGOTIATION = 512;
    /** RFC 1091 allows 40 characters; the session's terminal type allows 64. */
    static final int MAX_TERMINAL_TYPE = 40;

    static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, GA = 249, EL = 248, EC = 247,
            AYT = 246, SE = 240;
    static final int ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31;
    static final int IS = 0, SEND = 1;
    private static final int CR = 13, LF = 10, NUL = 0, BACKSPACE = 8, KILL_LINE = 0x15;
    private static final byte[] AYT_ANSWER = "\r\n[Yes]\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What the peer said about its window: 0 means "not given" (RFC 1073). */
    public record WindowSize(int columns, int rows) {}

    /** The outcome of one {@link #decode} call. */
    public record Decoded(byte[] data, byte[] replies, Optional<WindowSize> windowSize, Optional<String> terminalType) {}

    private enum State { DATA, COMMAND, WILL, WONT, DO, DONT, SB_OPTION, SB_DATA, SB_IAC, FAILED }

    /** RFC 1143 states; no queue bit, because we never change our mind about an option once asked. */
    private enum Q {
        NO, YES, WANT_NO, WANT_YES;                      // NO first: a fresh table is all NO

        private static final Q[] BY_ORDINAL = values();
    }

    /** The {@link Q} state of all 256 options of one side, two bits each (a session holds two of these for its life). */
    private static final class Options {
        private final long[] bits = new long[256 * 2 / Long.SIZE];

        Q get(int option) {
            return Q.BY_ORDINAL[(int) (bits[option >>> 5] >>> shift(option)) & 3];
        }

        void set(int option, Q state) {
            int word = option >>> 5;
            bits[word] = (bits[word] & ~(3L << shift(option))) | ((long) state.ordinal() << shift(option));
        }

        private static int shift(int option) {
            return (option & 31) * 2;
        }
    }

    /** NAWS needs 4 bytes and TTYPE about 40: start small, grow only for a long one, up to the limit. */
    private static final int INITIAL_SUBNEGOTIATION = 64;

    private final Options local = new Options();      // options we perform; the peer asks with DO/DONT
    private final Options remote = new Options();     // options the peer performs; it offers with WILL/WONT
    private byte[] subnegotiation = new byte[INITIAL_SUBNEGOTIATION];
    private State state = State.DATA;
    private boolean afterCr;
    private int sbOption;
    private int sbLength;
    private boolean terminalTypeKnown;
    private boolean windowSizeKnown;
    private ProtocolViolation failure;

    /** The opening negotiation to send once, right after connecting. */
    public byte[] start() {
        var out = new ByteArrayOutputStream();
        ask(local, ECHO, WILL, out);
        ask(local, SGA, WILL, out);
        ask(remote, SGA, DO, out);
        ask(remote, NAWS, DO, out);
        ask(remote, TTYPE, DO, out);
        return out.toByteArray();
    }

    /** True once the peer answered (or refused) both TTYPE and NAWS: no point waiting any longer. */
    public boolean negotiationSettled() {
        return (terminalTypeKnown || remote.get(TTYPE) == Q.NO) && (windowSizeKnown || remote.get(NAWS) == Q.NO);
    }

    /** Decodes bytes from the peer. Throws {@link ProtocolViolation} (now and ever after) when the peer broke the limits. */
    public Decoded decode(byte[] bytes, int offset, int length) throws ProtocolViolation {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (state == State.FAILED) throw failure;
        var out = new Output(length);
        for (int i = offset; i < offset + length; i++) step(bytes[i] & 0xFF, out);
        return out.decoded();
    }

    /**
     * Prepares caller-bound bytes for the wire: IAC is doubled, a bare LF becomes CR LF and a bare CR becomes CR NUL
     * (RFC 854's NVT rules), so terminals see the lines we meant.
     */
    public static byte[] encode(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        var out = new ByteArrayOutputStream(length + length / 8 + 4);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case IAC -> { out.write(IAC); out.write(IAC); }
                case CR -> {
                    out.write(CR);
                    if (i + 1 < end && bytes[i + 1] == LF) {
                        out.write(LF);
                        i++;
                    } else {
                        out.write(NUL);
                    }
                }
                case LF -> { out.write(CR); out.write(LF); }
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    private void step(int b, Output out) throws ProtocolViolation {
        switch (state) {
            case DATA -> {
                if (b == IAC) state = State.COMMAND;
                else data(b, out);
            }
            case COMMAND -> command(b, out);
            case WILL -> { onWill(b, out); state = State.DATA; }
            case WONT -> { onWont(b, out); state = State.DATA; }
            case DO -> { onDo(b, out); state = State.DATA; }
            case DONT -> { onDont(b, out); state = State.DATA; }
            case SB_OPTION -> {
                sbOption = b;
                sbLength = 0;
                state = State.SB_DATA;
            }
            case SB_DATA -> {
                if (b == IAC) state = State.SB_IAC;
                else collect(b);
            }
            case SB_IAC -> {
                if (b == SE) {
                    state = State.DATA;
                    subnegotiated(out);
                } else if (b == IAC) {
                    collect(IAC);
                    state = State.SB_DATA;
                } else {
                    // RFC 855 wants IAC doubled here; some clients send a raw 255 in NAWS. Keep both bytes, stay bounded.
                    collect(IAC);
                    collect(b);
                    state = State.SB_DATA;
                }
            }
            case FAILED -> throw failure;
        }
    }

    private void data(int b, Output out) {
        if (afterCr) {
            afterCr = false;
            if (b == LF || b == NUL) return;         // CR LF and CR NUL are one line end
        }
        out.data(b);
        if (b == CR) afterCr = true;
    }

    private void command(int b, Output out) {
        state = State.DATA;
        switch (b) {
            case IAC -> data(IAC, out);
            case WILL -> state = State.WILL;
            case WONT -> state = State.WONT;
            case DO -> state = State.DO;
            case DONT -> state = State.DONT;
            case SB -> state = State.SB_OPTION;
            case AYT -> out.reply(AYT_ANSWER);
            case EC -> data(BACKSPACE, out);
            case EL -> data(KILL_LINE, out);
            default -> { }                               // NOP, DM, BRK, IP, AO, GA, a stray SE, undefined: nothing to do
        }
    }

    private void collect(int b) throws ProtocolViolation {
        if (sbLength == MAX_SUBNEGOTIATION) {
            state = State.FAILED;
            failure = new ProtocolViolation("subnegotiation of option " + sbOption + " is longer than "
                    + MAX_SUBNEGOTIATION + " bytes");
            throw failure;
        }
        if (sbLength == subnegotiation.length) {
            subnegotiation = Arrays.copyOf(subnegotiation, Math.min(2 * sbLength, MAX_SUBNEGOTIATION));
        }
        subnegotiation[sbLength++] = (byte) b;
    }

    private void subnegotiated(Output out) {
        if (sbOption == NAWS && sbLength == 4) {
            windowSizeKnown = true;
            out.windowSize = new WindowSize(unsigned16(0), unsigned16(2));
        } else if (sbOption == TTYPE && sbLength > 1 && subnegotiation[0] == IS) {
            var name = new StringBuilder();
            for (int i = 1; i < sbLength && name.length() < MAX_TERMINAL_TYPE; i++) {
                int c = subnegotiation[i] & 0xFF;
                if (c > 32 && c < 127) name.append((char) c);
            }
            if (!name.isEmpty()) {
                terminalTypeKnown = true;
                out.terminalType = name.toString().toLowerCase(Locale.ROOT);
            }
        }                                                // other options: we never enabled them, so ignore
    }

    private int unsigned16(int at) {
        return ((subnegotiation[at] & 0xFF) << 8) | (subnegotiation[at + 1] & 0xFF);
    }

    private static boolean weAgreeToPerform(int option) {
        return option == ECHO || option == SGA;
    }

    private static boolean weWantPeerToPerform(int option) {
        return option == SGA || option == NAWS || option == TTYPE;
    }

    private void ask(Options side, int option, int verb, ByteArrayOutputStream out) {
        if (side.get(option) != Q.NO) return;
        side.set(option, Q.WANT_YES);
        out.writeBytes(new byte[] {(byte) IAC, (byte) verb, (byte) option});
    }

    private void onWill(int option, Output out) {
        switch (remote.get(option)) {
            case NO -> {
                if (weWantPeerToPerform(option)) {
                    remote.set(option, Q.YES);
                    out.reply(DO, option);
                    peerEnabled(option, out);
                } else {
                    out.reply(DONT, option);
                }
            }
            case YES -> { }
            case WANT_NO -> remote.set(option, Q.NO);        // RFC 1143: DONT answered by WILL is an error; settle on NO
            case WANT_YES -> {
                remote.set(option, Q.YES);                   // the answer to our DO: no reply
                peerEnabled(option, out);
            }
        }
    }

    private void onWont(int option, Output out) {
        switch (remote.get(option)) {
            case NO -> { }
            case YES -> {
                remote.set(option, Q.NO);
                out.reply(DONT, option);
            }
            case WANT_NO, WANT_YES -> remote.set(option, Q.NO);
        }
    }

    private void onDo(int option, Output out) {
        switch (local.get(option)) {
            case NO -> {
                if (weAgreeToPerform(option)) {
                    local.set(option, Q.YES);
                    out.reply(WILL, option);
                } else {
                    out.reply(WONT, option);
                }
            }
            case YES -> { }
            case WANT_NO -> local.set(option, Q.NO);
            case WANT_YES -> local.set(option, Q.YES);
        }
    }

    private void onDont(int option, Output out) {
        switch (local.get(option)) {
            case NO -> { }
            case YES -> {
                local.set(option, Q.NO);
                out.reply(WONT, option);
            }
            case WANT_NO, WANT_YES -> local.set(option, Q.NO);
        }
    }

    private void peerEnabled(int option, Output out) {
        if (option == TTYPE) out.reply(new byte[] {(byte) IAC, (byte) SB, (byte) TTYPE, (byte) SEND, (byte) IAC, (byte) SE});
    }

    /** One call's results; data never outgrows the input, so it is sized by it once. */
    private static final class Output {
        private final byte[] data;
        private int length;
        private ByteArrayOutputStream replies;
        private WindowSize windowSize;
        private String terminalType;

        Output(int inputLength) {
            data = new byte[inputLength];
        }

        void data(int b) {
            data[length++] = (byte) b;
        }

        void reply(int verb, int option) {
            reply(new byte[] {(byte) IAC, (byte) verb, (byte) option});
        }

        void reply(byte[] bytes) {
            if (replies == null) replies = new ByteArrayOutputStream();
            replies.writeBytes(bytes);
        }

        Decoded decoded() {
            return new Decoded(Arrays.copyOf(data, length), replies == null ? new byte[0] : replies.toByteArray(),
                    Optional.ofNullable(windowSize), Optional.ofNullable(terminalType));
        }
    }
}
