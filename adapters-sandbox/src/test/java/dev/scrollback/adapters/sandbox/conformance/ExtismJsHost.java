package dev.scrollback.adapters.sandbox.conformance;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Extism's official JavaScript host, {@code @extism/extism} (pinned in src/test/node/package.json and its lock), on
 * Node: the reference our host is compared with. {@link #install} copies src/test/node to target/conformance/node
 * (so node_modules lands in the build directory, which git ignores) and runs {@code npm ci} there unless that version
 * is already installed. Node or npm missing, or the install failing, fails the test: never skipped.
 */
final class ExtismJsHost {
    static final String VERSION = "1.0.3";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "extism-runner.mjs");
    private static final Map<String, String> QUIET = Map.of("NODE_NO_WARNINGS", "1", "npm_config_update_notifier", "false",
            "npm_config_fund", "false", "npm_config_audit", "false");
    private static final String NODE_MISSING = "install Node.js and npm (Debian packages nodejs and npm)";

    /** One call: which export, with what input. */
    record Call(String function, byte[] input) {}

    /**
     * One plugin instance, its calls made in order, so that what one call leaves in vars the next one finds; with
     * {@code host}, the BBS's own host functions as that script answers them, else none.
     */
    record Run(Path wasm, Map<String, String> config, List<Call> calls, Optional<ScriptedHost> host) {
        Run {
            config = Map.copyOf(config);
            calls = List.copyOf(calls);
            Objects.requireNonNull(host, "host");
        }

        Run(Path wasm, Map<String, String> config, List<Call> calls) {
            this(wasm, config, calls, Optional.empty());
        }

        /** One export called with each input in turn. */
        Run(Path wasm, String function, Map<String, String> config, List<byte[]> inputs) {
            this(wasm, config, inputs.stream().map(input -> new Call(function, input)).toList());
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;

    private ExtismJsHost(Path dir) {
        this.dir = dir;
    }

    static ExtismJsHost install(Path sources, Path dir) {
        try {
            Files.createDirectories(dir);
            for (var file : FILES) {
                Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return fail("could not prepare " + dir + " for the Extism JS host: " + e.getMessage());
        }
        var node = Commands.run(List.of("node", "--version"), dir, new byte[0], Duration.ofSeconds(30), QUIET, NODE_MISSING);
        if (node.exitCode() != 0) fail("node --version failed: " + node.stderr());
        var host = new ExtismJsHost(dir);
        if (!host.installedVersion().equals(VERSION)) {
            var npm = Commands.run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, new byte[0], Duration.ofMinutes(5),
                    QUIET, NODE_MISSING);
            if (npm.exitCode() != 0) {
                fail("npm ci of @extism/extism " + VERSION + " failed in " + dir + " (exit " + npm.exitCode() + "):\n"
                        + npm.stdoutText() + npm.stderr());
            }
            if (!host.installedVersion().equals(VERSION)) {
                fail("npm ci did not install @extism/extism " + VERSION + " (found " + host.installedVersion() + ")");
            }
        }
        return host;
    }

    /** Runs every run in one node process; the outcomes of each run's calls, in order. */
    List<List<Outcome>> call(List<Run> runs) {
        ObjectNode request = json.createObjectNode();
        var array = request.putArray("runs");
        for (var run : runs) {
            var r = array.addObject();
            r.put("wasm", run.wasm().toAbsolutePath().toString());
            var config = r.putObject("config");
            run.config().forEach(config::put);
            var calls = r.putArray("calls");
            for (var call : run.calls()) {
                calls.addObject().put("function", call.function()).put("input", Base64.getEncoder().encodeToString(call.input()));
            }
            run.host().ifPresent(script -> {
                var host = r.putObject("host");
                host.put("posted", script.posted());
                var refused = host.putObject("refused_rooms");
                script.refusedRooms().forEach(refused::put);
                var users = host.putObject("users");
                script.users().forEach(users::put);
            });
        }
        byte[] stdin;
        try {
            stdin = json.writeValueAsBytes(request);
        } catch (IOException e) {
            return fail("could not write the runner's request: " + e.getMessage());
        }
        var ran = Commands.run(List.of("node", "extism-runner.mjs"), dir, stdin, Duration.ofMinutes(2), QUIET, NODE_MISSING);
        if (ran.exitCode() != 0) fail("the Extism JS runner failed (exit " + ran.exitCode() + "):\n" + ran.stderr());
        JsonNode answer;
        try {
            answer = json.readTree(ran.stdout());
        } catch (IOException e) {
            return fail("the Extism JS runner did not answer JSON: " + e.getMessage() + "\n" + ran.stdoutText());
        }
        var all = new ArrayList<List<Outcome>>();
        for (var run : answer.path("runs")) {
            var outcomes = new ArrayList<Outcome>();
            for (var call : run) outcomes.add(outcome(call));
            all.add(outcomes);
        }
        if (all.size() != runs.size()) fail("the Extism JS runner answered " + all.size() + " runs of " + runs.size());
        return all;
    }

    private static Outcome outcome(JsonNode call) {
        var logs = new ArrayList<String>();
        for (var line : call.path("logs")) logs.add(Outcome.line(line.path("level").asText(), line.path("text").asText()));
        var requests = new ArrayList<String>();
        for (var made : call.path("host_calls")) {
            requests.add(ScriptedHost.request(made.path("function").asText(), made.path("request").asText()));
        }
        Outcome outcome = switch (call.path("outcome").asText()) {
            case "returned" -> Outcome.returned(Base64.getDecoder().decode(call.path("output").asText()), logs);
            case "failed" -> Outcome.failed(call.path("message").asText(), logs);
            case "faulted" -> Outcome.faulted(call.path("message").asText(), logs);
            default -> fail("the Extism JS runner answered an unknown outcome: " + call);
        };
        return outcome.withHostCalls(requests);
    }

    private String installedVersion() {
        var manifest = dir.resolve("node_modules/@extism/extism/package.json");
        if (!Files.isRegularFile(manifest)) return "none";
        try {
            return json.readTree(manifest.toFile()).path("version").asText("unknown");
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
