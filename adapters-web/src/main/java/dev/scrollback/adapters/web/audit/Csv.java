package dev.scrollback.adapters.web.audit;

import java.util.List;

/**
 * CSV lines (RFC 4180) that a spreadsheet opens safely: a field holding a comma, a quote or a line break is quoted,
 * quotes doubled; a field that a spreadsheet would take for a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) gets a leading apostrophe first (OWASP "CSV injection"). No CSV library is on
 * the web adapter's classpath, so this is written out, and tested field by field.
 */
final class Csv {
    private Csv() {}

    /** One record, ended with CR LF. */
    static String line(List<String> fields) {
        var line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) line.append(',');
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) return "";
        boolean defused = startsLikeAFormula(value);
        var text = defused ? "'" + value : value;
        boolean quote = defused;                              // quoted too, so the apostrophe is plainly part of the text
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
