package dev.scrollback.adapters.web.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * What one endpoint takes and answers, declared by its {@code Routes} next to the registration, e.g.
 * {@code api.post("/api/v1/accounts").summary("Sign up").body(Form.class).answers(201, Registered.class).problems(400, 409)}.
 * Body and answer types are records (or lists of them); the document's JSON schemas come from their components.
 */
public final class Endpoint {
    private final String method;
    private final String path;
    private String summary = "";
    private Optional<Class<?>> body = Optional.empty();
    private final Map<Integer, Answer> answers = new LinkedHashMap<>();
    private final SortedSet<Integer> problems = new TreeSet<>();
    private final List<String> query = new ArrayList<>();
    private boolean authenticated;
    private boolean bodyRequired = true;

    Endpoint(String method, String path) {
        this.method = Objects.requireNonNull(method);
        this.path = Objects.requireNonNull(path);
    }

    /** A successful answer: no body ({@code type} empty), a JSON record, or a list of them, or another media type. */
    record Answer(Optional<Class<?>> type, boolean list, String mediaType) {}

    public Endpoint summary(String text) {
        this.summary = text;
        return this;
    }

    /** The JSON request body, a record. */
    public Endpoint body(Class<?> record) {
        this.body = Optional.of(record);
        return this;
    }

    /** A JSON request body that may also be left out. */
    public Endpoint optionalBody(Class<?> record) {
        this.bodyRequired = false;
        return body(record);
    }

    /** A successful status without a body (e.g. 202, 204). */
    public Endpoint answers(int status) {
        answers.put(status, new Answer(Optional.empty(), false, ""));
        return this;
    }

    /** A successful status with a JSON body of this record type. */
    public Endpoint answers(int status, Class<?> type) {
        answers.put(status, new Answer(Optional.of(type), false, "application/json"));
        return this;
    }

    /** A successful status whose body is not JSON (a page, a script). */
    public Endpoint answers(int status, String mediaType) {
        answers.put(status, new Answer(Optional.empty(), false, mediaType));
        return this;
    }

    /** The RFC 9457 problem statuses this endpoint may answer with (application/problem+json). */
    public Endpoint problems(int... statuses) {
        Arrays.stream(statuses).forEach(problems::add);
        return this;
    }

    /** Optional query parameters (strings on the wire). */
    public Endpoint query(String... names) {
        query.addAll(List.of(names));
        return this;
    }

    /** Needs {@code Authorization: Bearer <token>} (an access token or an API key); may answer 401. */
    public Endpoint authenticated() {
        this.authenticated = true;
        problems.add(401);
        return this;
    }

    /** {@code METHOD /path}, as {@code WebServer.endpoints()} lists it. */
    public String key() {
        return method + " " + path;
    }

    String method() { return method; }
    String path() { return path; }
    String summaryText() { return summary; }
    Optional<Class<?>> bodyType() { return body; }
    Map<Integer, Answer> answerMap() { return answers; }
    SortedSet<Integer> problemStatuses() { return problems; }
    List<String> queryNames() { return query; }
    boolean needsBearer() { return authenticated; }
    boolean bodyIsRequired() { return bodyRequired; }
}
