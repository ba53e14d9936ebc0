package dev.scrollback.bench;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.adapters.web.WebServer;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.boards.CreateBoard;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.SearchMessages;
import dev.scrollback.application.boards.SearchText;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.bootstrap.ScrollbackApplication;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.boards.BoardAccess;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Channel;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 4, item 8: posts per second end to end, and new-scan and search latency over 100,000 messages. Starts the real
 * application in-process ({@link ScrollbackApplication#serve}) in a throw-away data directory (embedded H2, or a fresh
 * PostgreSQL schema) on a clock the benchmark moves, then:
 *
 * <ol>
 *   <li>a sysop opens 10 boards; {@code --posters} threads post {@code --messages} messages through the
 *       {@link PostMessage} use case (threads of 5–15 messages, text drawn from a Zipf-distributed vocabulary, authors
 *       rotating over thousands of synthetic member callers so that the per-account posting limit is never the
 *       bottleneck). Posts per second count from the first post to the last acknowledgement (use case, decider,
 *       group-commit append, durable); then how long until every projection, the search index included, has caught up;
 *   <li>{@link NewScan#scan} (limit 50) for a reader who has read nothing, then for one who has read 9 of 10 boards;
 *       and {@code GET /api/v1/new?limit=50} for the logged-in sysop;
 *   <li>{@link SearchMessages#search} (limit 20) for a rare word, a common word, two common words, a phrase and a
 *       prefix; and the same over {@code GET /api/v1/search};
 *   <li>the start-up time on the same data: the application closed and started again, until {@code serve} returns
 *       (readiness waits for the projections and the search index to replay the log).
 * </ol>
 *
 * <pre>bench/run boards [--messages 100000] [--posters 8] [--only h2|postgres] [--calls 2000]</pre>
 */
public final class BoardsLoad {
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SYSOP = "benchsysop";
    private static final String SYSOP_PASSWORD = "benchmark password 1";
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");
    private static final int BOARDS = 10;
    private static final int VOCABULARY = 20_000;
    private static final String PHRASE = "null modem cable";
    private static final Origin ORIGIN = Origin.of(Channel.WEB, new RemoteAddress("127.0.0.1"));

    record Settings(int messages, int posters, List<String> stores, int calls) {}

    /** One thread to post: its board, subject and the bodies of its first message and replies. */
    record PlannedThread(int board, String subject, List<String> bodies) {}

    /** The posting plan and, per vocabulary word, how many messages contain it (to say how many hits a query has). */
    record Plan(List<List<PlannedThread>> perPoster, String[] words, int[] documents, int phraseDocuments, int total) {}

    /** Latencies in nanoseconds, sorted. */
    record Latencies(long[] sorted) {
        static Latencies of(long[] nanos) {
            var copy = nanos.clone();
            Arrays.sort(copy);
            return new Latencies(copy);
        }

        double ms(double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "p50 %7.3f  p90 %7.3f  p99 %7.3f  max %8.3f ms  (n=%d)",
                    ms(0.50), ms(0.90), ms(0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
        }
    }

    public static void main(String[] args) throws Exception {
        var settings = parse(args);
        System.out.printf(Locale.ROOT, "boards load: %,d messages from %d posters; %s; load average at start %s%n",
                settings.messages(), settings.posters(), settings.stores(), loadAverage());
        long planning = System.nanoTime();
        var plan = plan(settings.messages(), settings.posters());
        System.out.printf(Locale.ROOT, "planned %,d threads in %.1f s (not measured)%n",
                plan.perPoster().stream().mapToInt(List::size).sum(), (System.nanoTime() - planning) / 1e9);
        var results = new LinkedHashMap<String, Map<String, String>>();
        for (var store : settings.stores()) results.put(store, run(store, plan, settings));
        System.out.println();
        System.out.println("=== summary (" + String.format(Locale.ROOT, "%,d", settings.messages()) + " messages, "
                + settings.posters() + " posters; load average at end " + loadAverage() + ") ===");
        var keys = new ArrayList<String>();
        results.values().forEach(r -> r.keySet().forEach(k -> { if (!keys.contains(k)) keys.add(k); }));
        System.out.printf(Locale.ROOT, "%-44s", "figure");
        for (var store : results.keySet()) System.out.printf(Locale.ROOT, " | %-44s", store);
        System.out.println();
        for (var key : keys) {
            System.out.printf(Locale.ROOT, "%-44s", key);
            for (var r : results.values()) System.out.printf(Locale.ROOT, " | %-44s", r.getOrDefault(key, "-"));
            System.out.println();
        }
        System.exit(0);       // the application's non-daemon threads are gone, but be sure
    }

    private static Map<String, String> run(String store, Plan plan, Settings settings) throws Exception {
        System.out.println();
        System.out.println("--- " + store + " ---");
        var figures = new LinkedHashMap<String, String>();
        var data = Files.createTempDirectory("scrollback-bench-boards");
        var properties = new HashMap<String, Object>(Map.of(
                "SCROLLBACK_DATA_DIR", data.toString(), "SCROLLBACK_TELNET_PORT", "0", "SCROLLBACK_HTTP_PORT", "0",
                "SCROLLBACK_TELNET_HOST", "127.0.0.1", "SCROLLBACK_HTTP_HOST", "127.0.0.1",
                "SCROLLBACK_SYSOP_HANDLE", SYSOP, "SCROLLBACK_SYSOP_PASSWORD", SYSOP_PASSWORD,
                "logging.level.root", "WARN"));
        String schema = null;
        if (store.equals("postgres")) {
            schema = "bench_boards_" + Long.toHexString(System.nanoTime());
            try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                admin.createStatement().execute("CREATE SCHEMA " + schema);
            }
            properties.put("SCROLLBACK_DB_URL", PG_URL + "?currentSchema=" + schema);
        }
        var clock = new BenchClock(T0);
        try {
            long starting = System.nanoTime();
            var app = ScrollbackApplication.serve(properties, clock);
            System.out.printf(Locale.ROOT, "started empty in %.2f s%n", (System.nanoTime() - starting) / 1e9);
            try {
                seed(app, clock, plan, figures);
                measureNewScan(app, settings.calls(), figures);
                measureSearch(app, plan, settings.calls(), figures);
            } finally {
                app.close();
            }
            var boardsBefore = figures.get("messages visible in ListBoards");
            long restarting = System.nanoTime();
            app = ScrollbackApplication.serve(properties, clock);
            double restart = (System.nanoTime() - restarting) / 1e9;
            try {
                long visible = visibleMessages(app);
                System.out.printf(Locale.ROOT, "restarted on %,d messages in %.2f s (serve() returned: projections and search index replayed); %,d messages visible%n",
                        plan.total(), restart, visible);
                figures.put("restart on the data (s)", String.format(Locale.ROOT, "%.2f", restart));
                if (!String.valueOf(visible).equals(boardsBefore)) {
                    System.out.println("!! after the restart " + visible + " messages are visible, before " + boardsBefore);
                }
                var hits = app.getBean(SearchMessages.class).search(member("after"), new SearchText("\"" + PHRASE + "\""), 20);
                if (hits.isEmpty()) System.out.println("!! the search index is empty after the restart");
            } finally {
                app.close();
            }
            // The baseline for the restart: the same JVM (classes loaded, code compiled) starting on an empty store.
            var emptyData = Files.createTempDirectory("scrollback-bench-boards-empty");
            var emptyProperties = new HashMap<String, Object>(properties);
            emptyProperties.put("SCROLLBACK_DATA_DIR", emptyData.toString());
            String emptySchema = null;
            if (schema != null) {
                emptySchema = schema + "_empty";
                try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                    admin.createStatement().execute("CREATE SCHEMA " + emptySchema);
                }
                emptyProperties.put("SCROLLBACK_DB_URL", PG_URL + "?currentSchema=" + emptySchema);
            }
            try {
                long emptyStarting = System.nanoTime();
                ScrollbackApplication.serve(emptyProperties, new BenchClock(T0)).close();
                double empty = (System.nanoTime() - emptyStarting) / 1e9;
                System.out.printf(Locale.ROOT, "the same JVM starts on an empty store in %.2f s: replaying %,d messages adds %.2f s%n",
                        empty, plan.total(), restart - empty);
                figures.put("start on an empty store, same JVM (s)", String.format(Locale.ROOT, "%.2f", empty));
            } finally {
                if (emptySchema != null) {
                    try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                        admin.createStatement().execute("DROP SCHEMA " + emptySchema + " CASCADE");
                    }
                }
                delete(emptyData);
            }
        } finally {
            if (schema != null) {
                try (var admin = DriverManager.getConnection(PG_URL, "postgres", "")) {
                    admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            delete(data);
        }
        return figures;
    }

    // ---- seeding: posts per second end to end ------------------------------------------------------------------------

    private static void seed(ConfigurableApplicationContext app, BenchClock clock, Plan plan, Map<String, String> figures)
            throws Exception {
        var sysop = new Caller(new AccountId(UUID.randomUUID()), new Handle("benchop"), new SessionId(UUID.randomUUID()),
                Set.of(Role.SYSOP, Role.MEMBER));
        var create = app.getBean(CreateBoard.class);
        var boards = new ArrayList<BoardId>();
        for (int b = 0; b < BOARDS; b++) {
            boards.add(create.create(sysop, new ConferenceName(b < 5 ? "General" : "Retro computing"),
                    new BoardName("Board " + (b + 1)), "benchmark board " + (b + 1), BoardAccess.members(), ORIGIN));
        }
        var post = app.getBean(PostMessage.class);
        int posters = plan.perPoster().size();
        // Each author posts at most 20 times, under the 30-post burst of the per-account limit; the clock also moves 10 ms
        // per post (100,000 posts span about 17 minutes), so the buckets refill as they would.
        int authorsPerPoster = Math.max(1, (int) Math.ceil(plan.total() / 20.0 / posters));
        var rateLimited = new AtomicLong();
        long start = System.nanoTime();
        var perPoster = new ArrayList<long[]>();
        try (var executor = Executors.newFixedThreadPool(posters)) {
            var futures = new ArrayList<Future<long[]>>();
            for (int p = 0; p < posters; p++) {
                var threads = plan.perPoster().get(p);
                var authors = new ArrayList<Caller>();
                for (int a = 0; a < authorsPerPoster; a++) authors.add(member("p" + p + "a" + a));
                futures.add(executor.submit((Callable<long[]>) () -> {
                    var latencies = new long[threads.stream().mapToInt(t -> t.bodies().size()).sum()];
                    int n = 0, nextAuthor = 0;
                    for (var t : threads) {
                        var first = true;
                        PostMessage.Posted started = null;
                        for (var body : t.bodies()) {
                            var author = authors.get(nextAuthor++ % authors.size());
                            clock.advance(Duration.ofMillis(10));
                            long sent = System.nanoTime();
                            try {
                                if (first) {
                                    started = post.startThread(author, boards.get(t.board()), new Subject(t.subject()),
                                            new MessageBody(body), ORIGIN);
                                } else {
                                    post.reply(author, started.thread(), Optional.empty(), Optional.empty(), new MessageBody(body), ORIGIN);
                                }
                            } catch (dev.scrollback.application.shared.RateLimited limited) {
                                rateLimited.incrementAndGet();
                            }
                            latencies[n++] = System.nanoTime() - sent;
                            first = false;
                        }
                    }
                    return latencies;
                }));
            }
            for (var f : futures) perPoster.add(f.get());
        }
        long acknowledged = System.nanoTime();
        double seconds = (acknowledged - start) / 1e9;
        var all = Latencies.of(perPoster.stream().flatMapToLong(Arrays::stream).toArray());
        System.out.printf(Locale.ROOT, "posted %,d messages in %.1f s: %,.0f posts/s end to end (%d rate limited); one post: %s%n",
                plan.total(), seconds, plan.total() / seconds, rateLimited.get(), all.row());
        var projections = app.getBean(Projections.class);
        projections.awaitCaughtUp(Duration.ofMinutes(10));
        double lag = (System.nanoTime() - acknowledged) / 1e9;
        long visible = visibleMessages(app);
        var phraseHits = app.getBean(SearchMessages.class).search(sysop, new SearchText("\"" + PHRASE + "\""), 100).size();
        System.out.printf(Locale.ROOT, "projections and search index caught up %.2f s after the last acknowledgement "
                        + "(%,.0f posts/s until visible); ListBoards shows %,d messages; phrase search finds %d (of %d planted, limit 100)%n",
                lag, plan.total() / (seconds + lag), visible, phraseHits, plan.phraseDocuments());
        figures.put("posts/s end to end (acknowledged)", String.format(Locale.ROOT, "%,.0f", plan.total() / seconds));
        figures.put("one post p50 / p99 (ms)", String.format(Locale.ROOT, "%.2f / %.2f", all.ms(0.5), all.ms(0.99)));
        figures.put("visible after last ack (s)", String.format(Locale.ROOT, "%.2f", lag));
        figures.put("posts/s until visible", String.format(Locale.ROOT, "%,.0f", plan.total() / (seconds + lag)));
        figures.put("rate-limited posts", String.valueOf(rateLimited.get()));
        figures.put("messages visible in ListBoards", String.valueOf(visible));
    }

    private static long visibleMessages(ConfigurableApplicationContext app) {
        return app.getBean(ListBoards.class).list(member("counter")).stream().mapToLong(ListBoards.BoardSummary::messages).sum();
    }

    private static Caller member(String handle) {
        return new Caller(new AccountId(UUID.randomUUID()), new Handle(handle), new SessionId(UUID.randomUUID()), Set.of(Role.MEMBER));
    }

    // ---- new-scan ----------------------------------------------------------------------------------------------------

    private static void measureNewScan(ConfigurableApplicationContext app, int calls, Map<String, String> figures) throws Exception {
        var scan = app.getBean(NewScan.class);
        var reader = member("reader");
        var fresh = time(calls, () -> {
            if (scan.scan(reader, 50).messages().size() != 50) throw new IllegalStateException("a fresh reader should see 50 new");
        });
        System.out.println("NewScan.scan(50), nothing read:      " + fresh.row());
        var summaries = app.getBean(ListBoards.class).list(reader);
        for (int i = 0; i < summaries.size() - 1; i++) {
            var board = summaries.get(i).board().board();
            scan.markRead(reader, board, Long.MAX_VALUE, ORIGIN);
        }
        app.getBean(Projections.class).awaitCaughtUp(Duration.ofMinutes(1));
        var mostlyRead = time(calls, () -> {
            if (scan.scan(reader, 50).messages().isEmpty()) throw new IllegalStateException("the last board should have new messages");
        });
        System.out.println("NewScan.scan(50), 9 of 10 boards read: " + mostlyRead.row());
        var web = new Web(app.getBean(WebServer.class).port(), clock(app));
        var overHttp = time(calls, () -> web.get("/api/v1/new?limit=50"), web::pace);
        System.out.println("GET /api/v1/new?limit=50 (sysop, nothing read): " + overHttp.row());
        figures.put("new-scan, nothing read p50/p90/p99 (ms)", triple(fresh));
        figures.put("new-scan, 9/10 boards read p50/p90/p99 (ms)", triple(mostlyRead));
        figures.put("GET /api/v1/new?limit=50 p50/p90/p99 (ms)", triple(overHttp));
    }

    // ---- search ------------------------------------------------------------------------------------------------------

    private static void measureSearch(ConfigurableApplicationContext app, Plan plan, int calls, Map<String, String> figures)
            throws Exception {
        var search = app.getBean(SearchMessages.class);
        var reader = member("searcher");
        var words = plan.words();
        int rare = VOCABULARY - 1;
        while (plan.documents()[rare] == 0) rare--;
        var prefix = words[0].substring(0, 2);
        var queries = new LinkedHashMap<String, String>();
        queries.put("rare word (" + plan.documents()[rare] + " messages)", words[rare]);
        queries.put("common word (" + plan.documents()[0] + " messages)", words[0]);
        queries.put("two common words", words[1] + " " + words[2]);
        queries.put("phrase (" + plan.phraseDocuments() + " messages)", "\"" + PHRASE + "\"");
        queries.put("prefix " + prefix + "* (" + documentsWith(plan, i -> words[i].startsWith(prefix)) + " messages)", prefix + "*");
        var web = new Web(app.getBean(WebServer.class).port(), clock(app));
        for (var query : queries.entrySet()) {
            var text = new SearchText(query.getValue());
            int found = search.search(reader, text, 20).size();
            var direct = time(calls, () -> search.search(reader, text, 20));
            var path = "/api/v1/search?limit=20&q=" + URLEncoder.encode(query.getValue(), StandardCharsets.UTF_8);
            var overHttp = time(calls, () -> web.get(path), web::pace);
            System.out.printf(Locale.ROOT, "search %-38s %-22s %d hits%n   SearchMessages: %s%n   GET /api/v1/search: %s%n",
                    query.getKey(), "[" + query.getValue() + "]", found, direct.row(), overHttp.row());
            var name = query.getKey().replaceAll(" \\(.*", "");
            figures.put("search " + name + " p50/p90/p99 (ms)", triple(direct));
            figures.put("GET search " + name + " p50/p90/p99 (ms)", triple(overHttp));
        }
    }

    private static int documentsWith(Plan plan, IntPredicate word) {
        int most = 0;                  // a lower bound: messages holding the most frequent matching word
        for (int i = 0; i < plan.words().length; i++) if (word.test(i)) most = Math.max(most, plan.documents()[i]);
        return most;
    }

    // ---- timing ------------------------------------------------------------------------------------------------------

    interface Call {
        void run() throws Exception;
    }

    private static Latencies time(int calls, Call call) throws Exception {
        return time(calls, call, () -> {});
    }

    /**
     * {@code calls} timed calls after {@code calls / 4} that are not (warm-up), one at a time; {@code between} runs
     * before each, untimed.
     */
    private static Latencies time(int calls, Call call, Call between) throws Exception {
        for (int i = 0; i < Math.max(100, calls / 4); i++) {
            between.run();
            call.run();
        }
        var nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            between.run();
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return Latencies.of(nanos);
    }

    private static String triple(Latencies l) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", l.ms(0.5), l.ms(0.9), l.ms(0.99));
    }

    private static BenchClock clock(ConfigurableApplicationContext app) {
        return (BenchClock) app.getBean("clock");
    }

    /**
     * The sysop logged in over HTTP, sending authenticated GETs and insisting on 200. The server limits each address to
     * 300 API requests a minute (refilled at 5 a second) and access tokens expire: {@link #pace} (untimed, before each
     * request) moves the benchmark clock 210 ms and logs in again every 5 minutes of that clock.
     */
    private static final class Web {
        private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
        private static final Duration RELOGIN = Duration.ofMinutes(5);

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI base;
        private final BenchClock clock;
        private String token;
        private Instant loggedInAt;

        Web(int port, BenchClock clock) throws IOException, InterruptedException {
            this.base = URI.create("http://127.0.0.1:" + port);
            this.clock = clock;
            logIn();
        }

        private void logIn() throws IOException, InterruptedException {
            var answer = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"" + SYSOP + "\",\"password\":\"" + SYSOP_PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            var found = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() != 201 || !found.find()) {
                throw new IllegalStateException("sysop login answered " + answer.statusCode() + ": " + answer.body());
            }
            token = found.group(1);
            loggedInAt = clock.instant();
        }

        void pace() throws IOException, InterruptedException {
            clock.advance(Duration.ofMillis(210));
            if (clock.instant().isAfter(loggedInAt.plus(RELOGIN))) logIn();
        }

        String get(String path) throws IOException, InterruptedException {
            var answer = client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
            return answer.body();
        }
    }

    // ---- the plan: threads and realistic text ------------------------------------------------------------------------

    /**
     * Threads of 5–15 messages on random boards, dealt round-robin to the posters; bodies of 15–90 words drawn from a
     * vocabulary of {@value #VOCABULARY} pseudo-words with Zipf-like frequencies (word of rank r has weight 1/r), in
     * lines of about 12 words; one message in 200 carries the phrase "null modem cable".
     */
    static Plan plan(int messages, int posters) {
        var random = new SplittableRandom(42);
        var words = new String[VOCABULARY];
        var cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            words[i] = pseudoWord(i);
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        var documents = new int[VOCABULARY];
        var perPoster = new ArrayList<List<PlannedThread>>();
        for (int p = 0; p < posters; p++) perPoster.add(new ArrayList<>());
        int planned = 0, threads = 0, phrase = 0;
        var seen = new HashSet<Integer>();
        while (planned < messages) {
            int size = Math.min(messages - planned, 5 + random.nextInt(11));
            var bodies = new ArrayList<String>(size);
            String subject = null;
            for (int m = 0; m < size; m++) {
                seen.clear();
                var text = new StringBuilder();
                int length = 15 + random.nextInt(76);
                for (int w = 0; w < length; w++) {
                    int rank = draw(cumulative, random);
                    seen.add(rank);
                    text.append(w == 0 ? capitalised(words[rank]) : words[rank]);
                    text.append(w == length - 1 ? "." : (w + 1) % 12 == 0 ? ".\n" : " ");
                }
                if (random.nextInt(200) == 0) {
                    text.append("\nI used a ").append(PHRASE).append(" for that.");
                    phrase++;
                }
                if (m == 0) {
                    var s = new StringBuilder();
                    for (int w = 0, n = 3 + random.nextInt(4); w < n; w++) {
                        int rank = draw(cumulative, random);
                        seen.add(rank);
                        s.append(w == 0 ? capitalised(words[rank]) : " " + words[rank]);
                    }
                    subject = s.toString();
                }
                for (int rank : seen) documents[rank]++;
                bodies.add(text.toString());
            }
            perPoster.get(threads % posters).add(new PlannedThread(random.nextInt(BOARDS), subject, bodies));
            planned += size;
            threads++;
        }
        return new Plan(perPoster, words, documents, phrase, planned);
    }

    /** A word's rank, drawn with probability proportional to 1 / (rank + 1). */
    private static int draw(double[] cumulative, SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(at >= 0 ? at : -at - 1, cumulative.length - 1);
    }

    private static final String[] SYLLABLES;

    static {
        var consonants = "bdfgklmnprstvz";
        var vowels = "aeiou";
        SYLLABLES = new String[consonants.length() * vowels.length()];
        int i = 0;
        for (char c : consonants.toCharArray()) for (char v : vowels.toCharArray()) SYLLABLES[i++] = "" + c + v;
    }

    /** A pronounceable word for each rank, unique: the rank in base 70, two syllables at least. */
    private static String pseudoWord(int rank) {
        int base = SYLLABLES.length;
        var word = new StringBuilder();
        int n = rank, digits = rank < base * base ? 2 : 3;
        for (int d = 0; d < digits; d++) {
            word.insert(0, SYLLABLES[n % base]);
            n /= base;
        }
        return word.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------------

    private static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (var path : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }

    private static Settings parse(String[] args) {
        int messages = 100_000, posters = 8, calls = 2_000;
        List<String> stores = List.of("h2", "postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = positive(args, ++i);
                case "--posters" -> posters = positive(args, ++i);
                case "--calls" -> calls = positive(args, ++i);
                case "--only" -> {
                    var store = value(args, ++i);
                    if (!store.equals("h2") && !store.equals("postgres")) throw new IllegalArgumentException("--only h2 or --only postgres");
                    stores = List.of(store);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--messages N, --posters N, --calls N, --only h2|postgres)");
            }
        }
        return new Settings(messages, posters, stores, calls);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) throw new IllegalArgumentException(args[i - 1] + " must be positive");
        return n;
    }
}
