package dev.scrollback.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM (or any other process: the Node peer), pinned to the CPUs given with
 * {@code taskset}, so that it and the load generator do not take each other's core. Knows how to ask a JVM for its live
 * heap ({@code jcmd GC.class_histogram}, which collects first) and how much CPU a process has used.
 */
final class ServerProcess implements AutoCloseable {
    static final String SYSOP = "loadtest";
    static final String SYSOP_PASSWORD = "benchmark password 1";

    final Process process;
    final Path directory;
    final Path log;

    private ServerProcess(Process process, Path directory, Path log) {
        this.process = process;
        this.directory = directory;
        this.log = log;
    }

    long pid() {
        return process.pid();                     // taskset execs the program, so this is the program's pid
    }

    /**
     * {@code scrollback.jar} in a fresh data directory under {@code directory}, with a benchmark sysop, on free ports
     * of 127.0.0.1. Not pinned yet: the JVM sizes itself for the machine (garbage collector, carrier threads) and the
     * setup (sign-ups: Argon2id) may use both cores; {@link #pinTo} confines it before anything is measured. Waits
     * until {@code /health/ready}.
     */
    static Scrollback scrollback(Path jar, Path directory, List<String> jvmOptions, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        return scrollback(jar, directory, jvmOptions, extraEnv, Duration.ofMinutes(2));
    }

    /** As above, waiting up to {@code patience} for readiness (a start on a large log replays it first). */
    static Scrollback scrollback(Path jar, Path directory, List<String> jvmOptions, Map<String, String> extraEnv,
                                 Duration patience) throws IOException, InterruptedException {
        int http = freePort(), telnet = freePort();
        // A copy: a running Spring Boot jar loads classes from its file lazily, and a rebuild replacing it mid-run breaks
        // the server (NoClassDefFoundError in whatever thread loads a class next).
        var copy = directory.resolve("scrollback.jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        System.out.printf(java.util.Locale.ROOT, "measuring %s, built %s, copied to %s%n", jar, Files.getLastModifiedTime(jar), copy);
        jar = copy;
        var data = directory.resolve("data");
        Files.createDirectories(data);
        // Every CPU of the machine, not the generator's: a child inherits its parent's affinity.
        var command = new ArrayList<String>(pin(Files.readString(Path.of("/sys/devices/system/cpu/online")).strip()));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        var env = new HashMap<String, String>();
        env.put("SCROLLBACK_DATA_DIR", data.toString());
        env.put("SCROLLBACK_HTTP_HOST", "127.0.0.1");
        env.put("SCROLLBACK_HTTP_PORT", Integer.toString(http));
        env.put("SCROLLBACK_TELNET_HOST", "127.0.0.1");
        env.put("SCROLLBACK_TELNET_PORT", Integer.toString(telnet));
        env.put("SCROLLBACK_SYSOP_HANDLE", SYSOP);
        env.put("SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD);
        env.putAll(extraEnv);
        var server = start(command, env, directory, "server.log");
        var base = URI.create("http://127.0.0.1:" + http);
        waitReady(server, base.resolve("/health/ready"), patience);
        return new Scrollback(server, base, telnet, data);
    }

    /** The Node {@code ws} broadcast peer ({@code bench/node/broadcast.js}) on a free port, pinned like the server. */
    static Node node(Path script, Path directory, String cpus) throws IOException, InterruptedException {
        int port = freePort();
        var command = new ArrayList<String>(pin(cpus));
        command.addAll(List.of("node", script.toString(), Integer.toString(port)));
        var server = start(command, Map.of(), directory, "node.log");
        var base = URI.create("http://127.0.0.1:" + port);
        waitReady(server, base.resolve("/health"), Duration.ofSeconds(30));
        return new Node(server, base);
    }

    record Scrollback(ServerProcess server, URI http, int telnetPort, Path data) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }

    record Node(ServerProcess server, URI http) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            server.close();
        }
    }

    /** Confines every thread of the process, and so every thread it starts later, to {@code cpus} (a taskset list). */
    void pinTo(String cpus) throws IOException, InterruptedException {
        if (cpus == null || cpus.isBlank()) return;
        var p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid())).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("taskset: " + out);
    }

    private static List<String> pin(String cpus) {
        return cpus == null || cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus);
    }

    private static ServerProcess start(List<String> command, Map<String, String> env, Path directory, String logName)
            throws IOException {
        var log = directory.resolve(logName);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), directory, log);
    }

    private static void waitReady(ServerProcess server, URI health, Duration patience) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.process.exitValue() + "; see " + server.log);
            }
            try {
                var answer = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IllegalStateException("the server was not ready within " + patience + "; see " + server.log);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Live heap after a full collection: {@code jcmd GC.class_histogram} (live objects only), per class and in total. */
    Histogram histogram() throws IOException, InterruptedException {
        var text = jcmd("GC.class_histogram");
        var row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        var bytes = new HashMap<String, Long>();
        var instances = new HashMap<String, Long>();
        long total = 0;
        for (var line : text.split("\n")) {
            var m = row.matcher(line);
            if (m.find()) {
                bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
                instances.merge(m.group(3), Long.parseLong(m.group(1)), Long::sum);
            } else if (line.startsWith("Total")) {
                var parts = line.trim().split("\\s+");
                total = Long.parseLong(parts[2]);
            }
        }
        if (total == 0) throw new IllegalStateException("no histogram from jcmd: " + text.substring(0, Math.min(300, text.length())));
        return new Histogram(total, bytes, instances);
    }

    record Histogram(long totalBytes, Map<String, Long> bytes, Map<String, Long> instances) {}

    String jcmd(String command) throws IOException, InterruptedException {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var p = new ProcessBuilder(jcmd, Long.toString(pid()), command).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("jcmd " + command + ": " + out);
        return out;
    }

    /** Resident memory in bytes ({@code VmRSS}). */
    long rss() throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        return -1;
    }

    /** CPU time used so far (user + system), in nanoseconds. */
    long cpuNanos() throws IOException {
        return cpuNanosOf(pid());
    }

    static long cpuNanosOf(long pid) throws IOException {
        var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);    // utime, stime (fields 14, 15)
        return ticks * 10_000_000L;                                            // USER_HZ is 100 on Linux
    }

    /** Open file descriptors of the process. */
    long openFiles() {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
