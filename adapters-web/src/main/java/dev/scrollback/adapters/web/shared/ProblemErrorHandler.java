package dev.scrollback.adapters.web.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a request it cannot parse, headers too large, anything that never reaches Javalin) as problems
 * instead of Jetty's HTML pages: no stack traces, no server details, the same headers as every other response.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return true;                                   // Jetty's default leaves PUT/DELETE/... errors without a body
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        var headers = response.getHeaders();
        SecurityHeaders.addTo(headers);
        headers.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, request.getHttpURI().getPath())), callback);
    }

    private static byte[] body(int status, String path) {
        try {
            return Json.mapper().writeValueAsBytes(Problem.forStatus(status).at(path));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
