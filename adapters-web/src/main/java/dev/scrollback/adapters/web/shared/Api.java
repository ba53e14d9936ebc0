package dev.scrollback.adapters.web.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@link Endpoint} descriptions of one or more {@code Routes}. */
public final class Api {
    private final List<Endpoint> endpoints = new ArrayList<>();

    public Endpoint get(String path) {
        return add("GET", path);
    }

    public Endpoint post(String path) {
        return add("POST", path);
    }

    public Endpoint put(String path) {
        return add("PUT", path);
    }

    public Endpoint patch(String path) {
        return add("PATCH", path);
    }

    public Endpoint delete(String path) {
        return add("DELETE", path);
    }

    private Endpoint add(String method, String path) {
        var endpoint = new Endpoint(method, path);
        if (endpoints.stream().anyMatch(e -> e.key().equals(endpoint.key()))) {
            throw new IllegalArgumentException("described twice: " + endpoint.key());
        }
        endpoints.add(endpoint);
        return endpoint;
    }

    /** In the order described. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }
}
