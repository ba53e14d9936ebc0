package dev.scrollback.domain.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The bare IP literal a caller connected from ({@code 127.0.0.1}, {@code ::1}): no port, no zone, no brackets.
 * Personal data (SPEC §3).
 */
public record RemoteAddress(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final RemoteAddress ERASED = new RemoteAddress(Erasure.MARK);

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");
    private static final int MAX_INPUT = 128;

    public RemoteAddress {
        if (!Erasure.is(value)) {
            if (value == null || !(isIpv4(value) || isIpv6(value))) {
                throw new InvalidValue("address", "is not a bare IP literal");
            }
        }
    }

    private static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) return false;
        for (int i = 1; i <= 4; i++) if (Integer.parseInt(m.group(i)) > 255) return false;
        return true;
    }

    /** RFC 4291 §2.2 text forms: eight groups, or fewer around one {@code ::}, optionally ending in a dotted quad. */
    private static boolean isIpv6(String text) {
        if (text.length() < 2 || text.length() > 45 || !text.contains(":")) return false;
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) return false;
        if (gap < 0) {
            int groups = groups(text, true);
            return groups == 8;
        }
        int left = groups(text.substring(0, gap), false);
        int right = groups(text.substring(gap + 2), true);
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /** How many 16-bit groups {@code part} holds (-1 when malformed); a trailing dotted quad counts as two. */
    private static int groups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) return 0;
        var pieces = List.of(part.split(":", -1));
        int count = 0;
        for (int i = 0; i < pieces.size(); i++) {
            var piece = pieces.get(i);
            if (HEX_GROUP.matcher(piece).matches()) count++;
            else if (mayEndInIpv4 && i == pieces.size() - 1 && isIpv4(piece)) count += 2;
            else return -1;
        }
        return count;
    }

    /**
     * Accepts what sockets and servers print ({@code /127.0.0.1}, {@code /127.0.0.1:5555}, {@code host/127.0.0.1},
     * {@code [::1]}, {@code /[0:0:0:0:0:0:0:1]:5555}, {@code fe80::1%eth0}) and keeps the bare literal.
     */
    public static RemoteAddress lenient(String text) {
        if (text == null || text.length() > MAX_INPUT) throw new InvalidValue("address", "is not a bare IP literal");
        var bare = text.strip();
        bare = bare.substring(bare.lastIndexOf('/') + 1);              // InetAddress prints "hostname/literal"
        if (bare.startsWith("[")) {
            int close = bare.indexOf(']');
            if (close < 0 || !(close == bare.length() - 1 || PORT.matcher(bare.substring(close + 1)).matches())) {
                throw new InvalidValue("address", "is not a bare IP literal");
            }
            bare = bare.substring(1, close);
        } else if (bare.indexOf(':') >= 0 && bare.indexOf(':') == bare.lastIndexOf(':')) {
            int colon = bare.indexOf(':');                               // one colon: an IPv4 address with its port
            if (!PORT.matcher(bare.substring(colon)).matches()) throw new InvalidValue("address", "is not a bare IP literal");
            bare = bare.substring(0, colon);
        }
        int zone = bare.indexOf('%');
        if (zone >= 0 && bare.indexOf(':') >= 0) bare = bare.substring(0, zone);   // zones exist for IPv6 only
        return new RemoteAddress(bare);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
