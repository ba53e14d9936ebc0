package dev.scrollback.adapters.telnet.shared;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a caller's terminal can show, chosen from its TTYPE name alone: we never probe with a cursor-position report,
 * because clients that do not answer it stall. The table (names compared case-insensitively):
 * <pre>
 *   syncterm*, ansi-bbs, ansi, pcansi, ansi.sys      CP437 + colour   (BBS terminals: SyncTERM, NetRunner, ...)
 *   xterm*, putty*, linux*, screen*, tmux*, rxvt*    UTF-8 + colour   (inetutils telnet and plink pass $TERM or "xterm")
 *   vt1xx, vt2xx, ... (vt*)                          UTF-8, no colour
 *   dumb, unknown, no answer, anything else          plain 7-bit ASCII, no escape sequences
 * </pre>
 */
public record TerminalProfile(Characters characters, boolean colour) {
    /** How text becomes bytes on the wire (and, for CP437, how bytes of typed keys become text). */
    public enum Characters { UTF_8, CP437, ASCII }

    public static final TerminalProfile PLAIN = new TerminalProfile(Characters.ASCII, false);
    public static final TerminalProfile UTF_8 = new TerminalProfile(Characters.UTF_8, false);
    public static final TerminalProfile UTF_8_COLOUR = new TerminalProfile(Characters.UTF_8, true);
    public static final TerminalProfile CP437_COLOUR = new TerminalProfile(Characters.CP437, true);

    private static final Pattern VT = Pattern.compile("vt\\d");
    private static final Charset IBM437 = Charset.forName("IBM437");
    /** CP437 byte 0x80 + i as text; the lower half is ASCII. */
    private static final String CP437_HIGH;

    static {
        var high = new byte[128];
        for (int i = 0; i < high.length; i++) high[i] = (byte) (0x80 + i);
        CP437_HIGH = new String(high, IBM437);
    }

    public static TerminalProfile forType(String terminalType) {
        var type = terminalType.strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("syncterm") || type.equals("ansi-bbs") || type.equals("ansi") || type.equals("pcansi")
                || type.equals("ansi.sys")) {
            return CP437_COLOUR;
        }
        for (var prefix : new String[] {"xterm", "putty", "linux", "screen", "tmux", "rxvt"}) {
            if (type.startsWith(prefix)) return UTF_8_COLOUR;
        }
        if (VT.matcher(type).lookingAt()) return UTF_8;
        return PLAIN;
    }

    /** True when box-drawing and shade characters can be shown as such. */
    public boolean graphics() {
        return characters != Characters.ASCII;
    }

    /** True when the terminal takes ANSI / VT100 escape sequences (cursor positioning): everything but plain ASCII. */
    public boolean screenControl() {
        return characters != Characters.ASCII;
    }

    /** The bytes to send for {@code text}: what the terminal cannot show becomes {@code ?} (or its ASCII look-alike). */
    public byte[] encode(String text) {
        return switch (characters) {
            case UTF_8 -> text.getBytes(StandardCharsets.UTF_8);
            case CP437 -> text.getBytes(IBM437);                 // the JDK encoder replaces the unmappable with '?'
            case ASCII -> Transliteration.ascii(text).getBytes(StandardCharsets.US_ASCII);
        };
    }

    /** The character a CP437 terminal means by byte {@code b} (0x80..0xFF). */
    static int cp437(int b) {
        return CP437_HIGH.charAt(b - 0x80);
    }
}
