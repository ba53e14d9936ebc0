package dev.scrollback.adapters.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 (or 1.0) response, never holding more than the policy's bounds: status line and headers within
 * {@link HttpPolicy#maxResponseHeaderBytes} (lines of at most 8 KiB, at most 100 fields, no folded lines), the body
 * framed as RFC 9112 says (none for HEAD, 1xx, 204 and 304; chunked; Content-Length; or up to the close) and refused
 * past {@link HttpPolicy#maxResponseBytes}. Interim 1xx responses are skipped; 101 is refused (nothing asked to
 * switch protocols).
 */
final class ResponseReader {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_FIELDS = 100;
    private static final int MAX_INTERIM = 5;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] ([0-9]{3})(?:[ \\t].*)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The response could not be read within bounds, or is not HTTP/1.x: the request failed. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message, null);
        }
    }

    private final InputStream in;
    private final int maxBody;
    private int headerBytesLeft;

    private ResponseReader(InputStream in, HttpPolicy policy) {
        this.in = in;
        this.maxBody = policy.maxResponseBytes();
        this.headerBytesLeft = policy.maxResponseHeaderBytes();
    }

    /** Reads the response to a request; {@code head} when it was a HEAD request (no body follows). */
    static OutboundResponse read(InputStream in, boolean head, HttpPolicy policy) throws IOException {
        return new ResponseReader(in, policy).response(head);
    }

    private OutboundResponse response(boolean head) throws IOException {
        for (int interim = 0; ; interim++) {
            int status = statusLine();
            var headers = fields();
            if (status == 101) throw new Unreadable("the server switched protocols (101), which nothing asked for");
            if (status < 200) {
                if (interim == MAX_INTERIM) throw new Unreadable("more than " + MAX_INTERIM + " interim (1xx) responses");
                continue;
            }
            boolean noBody = head || status == 204 || status == 304;
            return new OutboundResponse(status, headers, noBody ? new byte[0] : body(headers));
        }
    }

    private int statusLine() throws IOException {
        var line = line("status line");
        var m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            throw new Unreadable("the answer is not an HTTP/1.1 response (it begins "
                    + RequestReader.quoted(line.length() > 40 ? line.substring(0, 40) : line) + ")");
        }
        int status = Integer.parseInt(m.group(1));
        if (status < 100 || status > 599) throw new Unreadable("the status " + status + " is not an HTTP status");
        return status;
    }

    private List<HttpHeader> fields() throws IOException {
        var fields = new ArrayList<HttpHeader>();
        for (var line = line("header"); !line.isEmpty(); line = line("header")) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') throw new Unreadable("a folded header line (obsolete, refused)");
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new Unreadable("a header line that is not name: value");
            }
            if (fields.size() == MAX_FIELDS) throw new Unreadable("more than " + MAX_FIELDS + " header fields");
            fields.add(new HttpHeader(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip()));
        }
        return fields;
    }

    private byte[] body(List<HttpHeader> headers) throws IOException {
        var transferCodings = values(headers, "transfer-encoding");
        if (!transferCodings.isEmpty()) {
            var last = transferCodings.getLast().toLowerCase(Locale.ROOT);
            return last.equals("chunked") ? chunked() : toClose();
        }
        var lengths = values(headers, "content-length");
        if (lengths.isEmpty()) return toClose();
        if (lengths.stream().distinct().count() > 1 || !lengths.getFirst().matches("[0-9]{1,18}")) {
            throw new Unreadable("the Content-Length " + RequestReader.quoted(String.join(", ", lengths)) + " is not one length");
        }
        long length = Long.parseLong(lengths.getFirst());
        if (length > maxBody) throw tooLarge(length + " bytes");
        var body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        if (read < length) throw new Unreadable("the connection closed after " + read + " of " + length + " bytes");
        return body;
    }

    private byte[] chunked() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            var line = line("chunk size");
            int semicolon = line.indexOf(';');
            var size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (!size.matches("[0-9A-Fa-f]{1,8}")) throw new Unreadable("a chunk size that is not a hexadecimal number");
            long length = Long.parseLong(size, 16);
            if (length == 0) break;
            if (body.size() + length > maxBody) throw tooLarge("over " + (body.size() + length) + " bytes (chunked)");
            var chunk = in.readNBytes((int) length);
            if (chunk.length < length) throw new Unreadable("the connection closed inside a chunk");
            body.writeBytes(chunk);
            if (!line("chunk end").isEmpty()) throw new Unreadable("a chunk longer than its size");
        }
        while (!line("trailer").isEmpty()) {
            // trailer fields are read (within the header budget) and dropped
        }
        return body.toByteArray();
    }

    private byte[] toClose() throws IOException {
        var body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) throw tooLarge("over " + maxBody + " bytes (read up to the close)");
        return body;
    }

    private Unreadable tooLarge(String size) {
        return new Unreadable("the response body is " + size + "; a plugin is handed at most " + maxBody + " bytes");
    }

    private static List<String> values(List<HttpHeader> headers, String name) {
        var values = new ArrayList<String>();
        for (var h : headers) {
            if (!h.name().equals(name)) continue;
            for (var part : h.value().split(",")) if (!part.isBlank()) values.add(part.strip());
        }
        return values;
    }

    /** One line without its CR LF (a bare LF is taken too), in ISO-8859-1; all but chunk framing count as headers. */
    private String line(String what) throws IOException {
        boolean header = !what.startsWith("chunk");
        var bytes = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) throw new Unreadable("the connection closed in the " + what);
            if (header && --headerBytesLeft < 0) throw new Unreadable("the status line and headers are over their bound of bytes");
            if (b == '\n') break;
            if (bytes.size() == MAX_LINE) throw new Unreadable("a " + what + " line over " + MAX_LINE + " bytes");
            bytes.write(b);
        }
        var line = bytes.toString(StandardCharsets.ISO_8859_1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
