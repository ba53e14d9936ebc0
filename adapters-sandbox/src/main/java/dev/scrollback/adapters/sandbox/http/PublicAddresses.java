package dev.scrollback.adapters.sandbox.http;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether an address is one a plugin may reach: publicly routable unicast. Everything else is refused, with what it
 * is: this host and its network (unspecified, loopback), the site's networks (private, shared/CGNAT, link-local, IPv6
 * unique-local and site-local), multicast and broadcast, and the ranges set aside for documentation, benchmarks and
 * protocols. Addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by it; other IPv6 addresses
 * must be global unicast ({@code 2000::/3}), and tunnels whose far end cannot be read (Teredo) are refused.
 */
public final class PublicAddresses {
    private PublicAddresses() {}

    /** Empty when {@code address} is public; otherwise what it is ("a loopback address"). */
    public static Optional<String> whyNotPublic(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? ipv4(b, 0) : ipv6(b);
    }

    private static Optional<String> ipv4(byte[] b, int at) {
        int a0 = b[at] & 0xff, a1 = b[at + 1] & 0xff, a2 = b[at + 2] & 0xff;
        if (a0 == 0) return why("an unspecified address (0.0.0.0/8)");
        if (a0 == 10) return why("a private address (10.0.0.0/8)");
        if (a0 == 100 && (a1 & 0xc0) == 64) return why("a shared carrier-grade NAT address (100.64.0.0/10)");
        if (a0 == 127) return why("a loopback address (127.0.0.0/8)");
        if (a0 == 169 && a1 == 254) return why("a link-local address (169.254.0.0/16)");
        if (a0 == 172 && (a1 & 0xf0) == 16) return why("a private address (172.16.0.0/12)");
        if (a0 == 192 && a1 == 0 && a2 == 0) return why("an IETF protocol address (192.0.0.0/24)");
        if (a0 == 192 && a1 == 0 && a2 == 2) return why("a documentation address (192.0.2.0/24)");
        if (a0 == 192 && a1 == 88 && a2 == 99) return why("a 6to4 relay address (192.88.99.0/24)");
        if (a0 == 192 && a1 == 168) return why("a private address (192.168.0.0/16)");
        if (a0 == 198 && (a1 & 0xfe) == 18) return why("a benchmarking address (198.18.0.0/15)");
        if (a0 == 198 && a1 == 51 && a2 == 100) return why("a documentation address (198.51.100.0/24)");
        if (a0 == 203 && a1 == 0 && a2 == 113) return why("a documentation address (203.0.113.0/24)");
        if (a0 >= 224 && a0 <= 239) return why("a multicast address (224.0.0.0/4)");
        if (a0 >= 240) return why("a reserved or broadcast address (240.0.0.0/4)");
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if (zeros(b, 0, 16)) return why("an unspecified address (::)");
        if (zeros(b, 0, 15) && b[15] == 1) return why("a loopback address (::1)");
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(b, 12).map(what -> "an IPv4-mapped " + what.substring(what.indexOf(' ') + 1));
        }
        if (zeros(b, 0, 12)) return why("an IPv4-compatible address (::/96, deprecated)");
        if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && zeros(b, 4, 12)) {   // NAT64, well-known prefix
            return ipv4(b, 12).map(what -> "a NAT64 address of " + what);
        }
        if (u16(b, 0) == 0x2002) return ipv4(b, 2).map(what -> "a 6to4 address of " + what);   // 2002::/16
        if ((b[0] & 0xe0) != 0x20) {
            if ((b[0] & 0xfe) == 0xfc) return why("a unique local address (fc00::/7)");
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return why("a link-local address (fe80::/10)");
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return why("a site-local address (fec0::/10)");
            if ((b[0] & 0xff) == 0xff) return why("a multicast address (ff00::/8)");
            return why("not a global unicast address (outside 2000::/3)");
        }
        if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0db8) return why("a documentation address (2001:db8::/32)");
        if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0000) return why("a Teredo address (2001::/32)");
        if (u16(b, 0) == 0x2001 && (b[2] & 0xfe) == 0) return why("an IETF protocol address (2001::/23)");
        if (u16(b, 0) == 0x3fff && (b[2] & 0xf0) == 0) return why("a documentation address (3fff::/20)");
        return Optional.empty();
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static Optional<String> why(String what) {
        return Optional.of(what);
    }
}
