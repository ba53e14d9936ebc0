package dev.scrollback.adapters.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a plugin may reach: public unicast only, whatever way an address is written. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "169.253.1.1", "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.254",
            "2606:4700:4700::1111", "2a00:1450:4001::1", "2001:4860::8888", "64:ff9b::808:808", "2002:808:808::1",
            "::ffff:8.8.8.8"})
    void public_addresses_are_reachable(String address) throws UnknownHostException {
        assertThat(PublicAddresses.whyNotPublic(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0          | an unspecified address (0.0.0.0/8)
            10.0.0.1         | a private address (10.0.0.0/8)
            100.64.0.1       | a shared carrier-grade NAT address (100.64.0.0/10)
            127.0.0.1        | a loopback address (127.0.0.0/8)
            127.255.255.254  | a loopback address (127.0.0.0/8)
            169.254.169.254  | a link-local address (169.254.0.0/16)
            172.16.0.1       | a private address (172.16.0.0/12)
            172.31.255.255   | a private address (172.16.0.0/12)
            192.0.0.8        | an IETF protocol address (192.0.0.0/24)
            192.0.2.1        | a documentation address (192.0.2.0/24)
            192.88.99.1      | a 6to4 relay address (192.88.99.0/24)
            192.168.1.1      | a private address (192.168.0.0/16)
            198.18.0.1       | a benchmarking address (198.18.0.0/15)
            198.51.100.1     | a documentation address (198.51.100.0/24)
            203.0.113.1      | a documentation address (203.0.113.0/24)
            224.0.0.1        | a multicast address (224.0.0.0/4)
            239.255.255.250  | a multicast address (224.0.0.0/4)
            240.0.0.1        | a reserved or broadcast address (240.0.0.0/4)
            255.255.255.255  | a reserved or broadcast address (240.0.0.0/4)
            ::               | an unspecified address (::)
            ::1              | a loopback address (::1)
            ::ffff:10.0.0.1  | a private address (10.0.0.0/8)
            ::a00:1          | an IPv4-compatible address (::/96, deprecated)
            64:ff9b::7f00:1  | a NAT64 address of a loopback address (127.0.0.0/8)
            2002:a9fe:a9fe::1 | a 6to4 address of a link-local address (169.254.0.0/16)
            fc00::1          | a unique local address (fc00::/7)
            fd12:3456:789a::1 | a unique local address (fc00::/7)
            fe80::1          | a link-local address (fe80::/10)
            fec0::1          | a site-local address (fec0::/10)
            ff02::1          | a multicast address (ff00::/8)
            2001:db8::1      | a documentation address (2001:db8::/32)
            2001::1          | a Teredo address (2001::/32)
            2001:2::1        | an IETF protocol address (2001::/23)
            3fff::1          | a documentation address (3fff::/20)
            100::1           | not a global unicast address (outside 2000::/3)
            4000::1          | not a global unicast address (outside 2000::/3)
            """)
    void every_other_address_is_refused_with_what_it_is(String address, String what) throws UnknownHostException {
        assertThat(PublicAddresses.whyNotPublic(InetAddress.getByName(address))).contains(what);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1       | an IPv4-mapped loopback address (127.0.0.0/8)
            169.254.169.254 | an IPv4-mapped link-local address (169.254.0.0/16)
            0.0.0.0         | an IPv4-mapped unspecified address (0.0.0.0/8)
            """)
    void an_ipv4_mapped_ipv6_address_is_judged_by_its_ipv4_address(String ipv4, String what) throws UnknownHostException {
        var v4 = InetAddress.getByName(ipv4).getAddress();
        var mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);

        assertThat(PublicAddresses.whyNotPublic(Inet6Address.getByAddress(null, mapped, -1))).contains(what);
    }
}
