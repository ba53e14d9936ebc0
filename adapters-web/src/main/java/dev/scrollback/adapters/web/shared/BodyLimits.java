package dev.scrollback.adapters.web.shared;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How large a request body may be (SPEC §5: bounded input): the server's limit, or a route's own {@link BodyLimit}.
 * Javalin knows one limit for all routes, so it is given the largest, and this enforces each request's own twice: a
 * declared {@code Content-Length} over it is refused before anything is read ({@link #refuseDeclared}), and a body
 * without one (chunked) is counted as it streams in ({@link #filter}) and refused at the first byte past it. Either
 * way the answer is a 413 problem and no more than the limit is ever held.
 */
public final class BodyLimits {
    private final long serverLimit;
    private final List<BodyLimit> routes;

    public BodyLimits(long serverLimit, List<BodyLimit> routes) {
        if (serverLimit < 1) throw new IllegalArgumentException("serverLimit must be positive");
        this.serverLimit = serverLimit;
        this.routes = List.copyOf(routes);
    }

    /** The limit of one request, by its method and its path as sent (not decoded, no query). */
    public long of(String method, String path) {
        return routes.stream().filter(r -> r.matches(method, path)).mapToLong(BodyLimit::maxBytes).findFirst()
                .orElse(serverLimit);
    }

    public long of(HttpServletRequest request) {
        return of(request.getMethod(), request.getRequestURI());
    }

    /** The largest limit of any route: what Javalin itself enforces on every body it reads. */
    public long largest() {
        return routes.stream().mapToLong(BodyLimit::maxBytes).reduce(serverLimit, Math::max);
    }

    /** A Javalin before-handler: a declared oversize body is refused before it is read (and before 100 Continue). */
    public void refuseDeclared(Context ctx) {
        var limit = of(ctx.req());
        if (ctx.req().getContentLengthLong() > limit) throw tooLarge(limit);
    }

    /** A servlet filter in front of Javalin that counts every request body as it is read, whatever reads it. */
    public Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                chain.doFilter(request instanceof HttpServletRequest http ? new Counted(http, of(http)) : request, response);
            }
        };
    }

    static HttpResponseException tooLarge(long limit) {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "body over " + limit + " bytes");
    }

    /** The request with its body read through a {@link CountedInput}; the reader too, so neither way round it. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private CountedInput input;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) input = new CountedInput(super.getInputStream(), limit);
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Throws a 413 {@link HttpResponseException} (Javalin maps it to the problem) once more than the limit was read. */
    private static final class CountedInput extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountedInput(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            refuseIfOver();
            int b = in.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            refuseIfOver();                                  // again, to whoever reads on after the first refusal
            // never ask for more than one byte past the limit: that byte is enough to know
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) {
            count += n;
            refuseIfOver();
        }

        private void refuseIfOver() {
            if (count > limit) throw tooLarge(limit);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
