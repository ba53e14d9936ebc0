package dev.scrollback.adapters.crypto.accounts;

import java.io.ByteArrayOutputStream;

/** RFC 4648 Base32 without padding, as authenticator apps take keys. Only for keys this adapter made: input is trusted. */
final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    static String encode(byte[] bytes) {
        var out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    static byte[] decode(String base32) {
        var out = new ByteArrayOutputStream(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < base32.length(); i++) {
            int value = ALPHABET.indexOf(base32.charAt(i));
            if (value < 0) throw new IllegalArgumentException("not Base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
