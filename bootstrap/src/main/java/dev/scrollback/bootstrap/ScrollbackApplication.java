package dev.scrollback.bootstrap;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The composition root and the command line. {@code java -jar scrollback.jar} (or {@code serve}) runs the server;
 * {@code admin create-sysop} creates the first sysop. Spring Boot only wires: the application's {@code @Named}
 * services are scanned, every adapter is built with {@code new} in the wiring classes of this package.
 */
@SpringBootApplication(scanBasePackages = {"dev.scrollback.bootstrap", "dev.scrollback.application"})
public class ScrollbackApplication {

    public static void main(String[] args) {
        System.exit(new CommandLine(System.out, System.err).run(args));
    }

    /** Starts the server with these settings (on top of the environment) and returns once it is ready. */
    public static ConfigurableApplicationContext serve(Map<String, Object> properties) {
        return start(Mode.SERVE, properties, Optional.empty());
    }

    /** The same on a clock the caller controls (SPEC §2: lockouts and expiries are tested without waiting). */
    public static ConfigurableApplicationContext serve(Map<String, Object> properties, Clock clock) {
        return start(Mode.SERVE, properties, Optional.of(clock));
    }

    static ConfigurableApplicationContext start(Mode mode, Map<String, Object> properties) {
        return start(mode, properties, Optional.empty());
    }

    private static ConfigurableApplicationContext start(Mode mode, Map<String, Object> properties, Optional<Clock> clock) {
        // Axon asks the network for updates unless told not to; Scrollback never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        var all = new LinkedHashMap<String, Object>(properties);
        all.put(Mode.PROPERTY, mode.name().toLowerCase(java.util.Locale.ROOT));
        var app = new SpringApplication(ScrollbackApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(all);
        app.setRegisterShutdownHook(mode == Mode.SERVE);
        clock.ifPresent(c -> app.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", c)));
        return app.run();
    }

    /** What this process is for: serving callers, or one administrative command. */
    enum Mode {
        SERVE, ADMIN;

        static final String PROPERTY = "scrollback.mode";
    }

    static String usage() {
        return """
                Usage: java -jar scrollback.jar [command]

                Commands:
                  serve                     run the BBS (the default): telnet on 2323, HTTP on 8080
                  admin create-sysop        create the first sysop, then exit
                        --handle <handle>   (or SCROLLBACK_SYSOP_HANDLE)
                        --email <address>   optional (or SCROLLBACK_SYSOP_EMAIL)
                        the password comes from SCROLLBACK_SYSOP_PASSWORD, else it is asked for
                  audit                     print the audit log as JSON Lines or CSV, then exit (see docs/auditor-guide.md)
                        --format jsonl|csv  --type T  --actor A  --account A  --channel C  --address IP
                        --from TIME  --to TIME  --after POSITION
                  verify-audit              check the log's hash chain and signed checkpoints; exit 1 naming the
                                            first altered, removed or inserted position
                  history account|board|thread <id>
                                            print an account (id or handle), a board or a thread as it was at a
                                            time or position, as JSON, then exit (see docs/auditor-guide.md)
                        --at TIME | --position POSITION   board: --offset N --limit N over its threads
                  export                    write the log as lines of JSON, then exit (see docs/integrator-guide.md)
                        --format ndjson|cloudevents  --after POSITION  --to FILE (default: standard output)
                        --keys FILE   also the personal data keys, owner-only (an export alone opens nothing personal)
                  import --from FILE        read an export into an EMPTY store (a fresh data directory or schema)
                                            exactly as it was, then seal it; `-` reads standard input
                        --format ndjson|cloudevents  (default: the first line's)  --keys FILE (from export --keys)
                  replay                    rebuild every projection from position 0, print events/s and each
                        --projection NAME   one's digest, and whether it equals the live one (server stopped)
                  help                      show this text

                Settings are environment variables (SCROLLBACK_TELNET_PORT, SCROLLBACK_HTTP_PORT,
                SCROLLBACK_DATA_DIR, SCROLLBACK_DB_URL, ...): see docs/sysop-guide.md.
                """;
    }

    static String[] tail(String[] args, int from) {
        return Arrays.copyOfRange(args, Math.min(from, args.length), args.length);
    }

    static void print(PrintStream out, String text) {
        out.print(text);
        out.flush();
    }
}
