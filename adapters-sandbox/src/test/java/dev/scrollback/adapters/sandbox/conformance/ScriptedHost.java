package dev.scrollback.adapters.sandbox.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.sandbox.call.HostCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The BBS's own host functions ({@code extism:host/user}: {@code post_message}, {@code read_user}), scripted alike for
 * both hosts: canned answers, and every request recorded as text, so that the test compares what a plugin asked for as
 * well as what it answered. {@link #recording()} is our host's side, a {@link HostCalls}; {@link ExtismJsHost} hands the
 * same script to extism-runner.mjs, whose functions answer by the same rules:
 * <ul>
 * <li>{@code post_message} answers {@code refusedRooms}' answer for the room the request's {@code "room"} names, and
 * {@code posted} for any other room, or for a request that is not a JSON object with a string {@code "room"};
 * <li>{@code read_user} answers {@code users}' answer for the handle, and nothing (0) for anyone else.
 * </ul>
 * Answers are non-empty (an empty one would be 0 on both hosts).
 */
record ScriptedHost(String posted, Map<String, String> refusedRooms, Map<String, String> users) {
    /** What the BBS would answer, in a BBS where "Private" is a private room and Ada is the one user. */
    static final ScriptedHost BBS = new ScriptedHost(
            "{\"posted\":true,\"room\":\"r-1\"}",
            Map.of("Private", "{\"error\":\"no public room is named Private\"}"),
            Map.of("Ada", "{\"handle\":\"Ada\",\"roles\":[\"member\",\"sysop\"],\"member_since\":\"2031-05-01T12:00:00Z\"}"));

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);   // JSON.parse refuses anything after the value

    ScriptedHost {
        Objects.requireNonNull(posted, "posted");
        refusedRooms = Map.copyOf(refusedRooms);
        users = Map.copyOf(users);
    }

    /** A fresh recording host for one plugin instance on our host. */
    Recording recording() {
        return new Recording(this);
    }

    /** One request a plugin made, as {@code "function: request"}, the request's text as the host read it. */
    static String request(String function, String request) {
        return function + ": " + request;
    }

    /** The script on our host; {@link #drain()} after each call gives that call's requests, in order. */
    static final class Recording implements HostCalls {
        private final ScriptedHost script;
        private final List<String> requests = new ArrayList<>();

        private Recording(ScriptedHost script) {
            this.script = script;
        }

        @Override
        public synchronized String postMessage(String request) {
            requests.add(request("post_message", request));
            return room(request).map(script.refusedRooms()::get).orElse(script.posted());
        }

        @Override
        public synchronized Optional<String> readUser(String handle) {
            requests.add(request("read_user", handle));
            return Optional.ofNullable(script.users().get(handle));
        }

        /** The requests made since the last drain, in order; none are kept. */
        synchronized List<String> drain() {
            var made = List.copyOf(requests);
            requests.clear();
            return made;
        }

        private static Optional<String> room(String request) {
            try {
                var tree = JSON.readTree(request);
                return tree == null ? Optional.empty() : Optional.ofNullable(tree.path("room").textValue());
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }
}
