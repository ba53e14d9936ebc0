package dev.scrollback.adapters.telnet.shared;

import java.text.Normalizer;

/**
 * Text for terminals that show only 7-bit ASCII: box-drawing and shade characters become their usual ASCII stand-ins,
 * accents are stripped, a few typographic marks become their plain forms, anything else is {@code ?}. ESC is dropped,
 * so no escape sequence ever reaches a dumb terminal.
 */
final class Transliteration {
    private static final int ESC = 27;

    private Transliteration() {}

    static String ascii(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(ascii(c)));
        return out.toString();
    }

    private static String ascii(int c) {
        if (c == ESC) return "";
        if (c < 0x80) return Character.toString(c);
        if (c >= 0x2500 && c <= 0x257F) return box(c);
        if (c >= 0x2580 && c <= 0x259F) return "#";          // blocks and shades: ░ ▒ ▓ █ ▀ ▄ ▌ ▐
        switch (c) {
            case 0xA0, 0x2007, 0x202F -> { return " "; }
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212 -> { return "-"; }
            case 0x2018, 0x2019, 0x201A, 0x2032 -> { return "'"; }
            case 0x201C, 0x201D, 0x201E, 0x2033, 0xAB, 0xBB -> { return "\""; }
            case 0x2026 -> { return "..."; }
            case 0x2022, 0xB7, 0x25A0, 0x25AA -> { return "*"; }
            case 0xDF -> { return "ss"; }
            case 0xC6 -> { return "AE"; }
            case 0xE6 -> { return "ae"; }
            case 0xD8 -> { return "O"; }
            case 0xF8 -> { return "o"; }
            default -> { }
        }
        var stripped = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return !stripped.isEmpty() && stripped.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F) ? stripped : "?";
    }

    /** U+2500..U+257F: horizontal lines are -, vertical lines |, corners, tees and crossings +. */
    private static String box(int c) {
        return switch (c) {
            case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A,
                 0x257C, 0x257E -> "-";
            case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B,
                 0x257D, 0x257F -> "|";
            case 0x2571 -> "/";
            case 0x2572 -> "\\";
            case 0x2573 -> "X";
            default -> "+";
        };
    }
}
