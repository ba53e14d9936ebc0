package dev.scrollback.bootstrap;

import dev.scrollback.adapters.persistence.shared.Projections;
import dev.scrollback.application.accounts.CreateSysop;
import dev.scrollback.domain.accounts.AccountRejected;
import dev.scrollback.domain.shared.InvalidValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Parses the command line and runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
final class CommandLine {
    private final PrintStream out;
    private final PrintStream err;

    CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        var command = args.length == 0 ? "serve" : args[0];
        try {
            return switch (command) {
                case "serve" -> serve(ScrollbackApplication.tail(args, 1));
                case "admin" -> admin(ScrollbackApplication.tail(args, 1));
                case "audit" -> AuditCommand.run(ScrollbackApplication.tail(args, 1), out, err, this::usage);
                case "verify-audit" -> VerifyAuditCommand.run(ScrollbackApplication.tail(args, 1), out, err, this::usage);
                case "history" -> HistoryCommand.run(ScrollbackApplication.tail(args, 1), out, err, this::usage);
                case "export" -> ExportCommand.run(ScrollbackApplication.tail(args, 1), out, err, this::usage);
                case "import" -> ImportCommand.run(ScrollbackApplication.tail(args, 1), System.in, out, err, this::usage);
                case "replay" -> ReplayCommand.run(ScrollbackApplication.tail(args, 1), out, err, this::usage);
                case "help", "--help", "-h" -> {
                    ScrollbackApplication.print(out, ScrollbackApplication.usage());
                    yield 0;
                }
                default -> usage("unknown command: " + command);
            };
        } catch (Settings.Invalid e) {
            err.println("scrollback: setting " + e.getMessage());
            return 1;
        }
    }

    int usage(String problem) {
        err.println("scrollback: " + problem);
        ScrollbackApplication.print(err, ScrollbackApplication.usage());
        return 2;
    }

    private int serve(String[] args) {
        if (args.length > 0) return usage("serve takes no arguments: " + String.join(" ", args));
        var context = ScrollbackApplication.serve(Map.of());
        var stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) stopped.countDown();
        });
        try {
            stopped.await();                   // the shutdown hook closes the context on SIGTERM / Ctrl-C
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int admin(String[] args) {
        if (args.length == 0 || !args[0].equals("create-sysop")) return usage("admin needs a subcommand: create-sysop");
        var options = new HashMap<String, Object>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--handle" -> options.put("SCROLLBACK_SYSOP_HANDLE", value(args, ++i));
                case "--email" -> options.put("SCROLLBACK_SYSOP_EMAIL", value(args, ++i));
                default -> {
                    return usage("unknown option for create-sysop: " + args[i]);
                }
            }
        }
        if (!options.containsKey("SCROLLBACK_SYSOP_HANDLE") && System.getenv("SCROLLBACK_SYSOP_HANDLE") == null) {
            return usage("create-sysop needs --handle (or SCROLLBACK_SYSOP_HANDLE)");
        }
        if (System.getenv("SCROLLBACK_SYSOP_PASSWORD") == null && System.getProperty("SCROLLBACK_SYSOP_PASSWORD") == null) {
            var password = askPassword();
            if (password.isEmpty()) return usage("no password given (set SCROLLBACK_SYSOP_PASSWORD or type it)");
            options.put("SCROLLBACK_SYSOP_PASSWORD", password);
        }
        try (var context = ScrollbackApplication.start(ScrollbackApplication.Mode.ADMIN, options)) {
            context.getBean(Projections.class).awaitCaughtUp(context.getBean(Settings.class).catchUpTimeout());
            var outcome = context.getBean(FirstSysop.class).createFromSettings();
            switch (outcome) {
                case CreateSysop.Outcome.Created c -> out.println("Created sysop " + c.handle() + " (" + c.account() + ").");
                case CreateSysop.Outcome.SysopExists e -> {
                    err.println("scrollback: a sysop already exists (" + e.existing() + "); nothing created.");
                    return 1;
                }
            }
            return 0;
        } catch (AccountRejected e) {
            err.println("scrollback: " + FirstSysop.explain(e));
            return 1;
        } catch (InvalidValue e) {
            err.println("scrollback: " + e.field() + " " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new Settings.Invalid(args[i - 1], "needs a value");
        return args[i];
    }

    private String askPassword() {
        var console = System.console();
        if (console != null) {
            var typed = console.readPassword("Password for the new sysop: ");
            return typed == null ? "" : new String(typed);
        }
        try {
            var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
