package dev.scrollback.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * Every setting Scrollback reads, by the names of SPEC §4. Each name works as an environment variable
 * ({@code SCROLLBACK_TELNET_PORT}), a system property or command-line option under the same name, or in dotted form
 * ({@code scrollback.telnet.port}). With nothing set, the server runs on its embedded defaults.
 */
public record Settings(
        String telnetHost,
        int telnetPort,
        String httpHost,
        int httpPort,
        Path dataDirectory,
        URI publicUrl,
        Optional<Database> database,
        Optional<Redis> redis,
        Optional<Smtp> smtp,
        String mailFrom,
        Optional<Sysop> sysop,
        int maxTelnetSessions,
        Duration loginTimeout,
        Duration idleTimeout,
        Duration webIdleTimeout,
        Duration catchUpTimeout,
        String bbsName,
        Duration signingKeyRotation,
        boolean pluginHttpAllowPrivate) {

    public record Database(String url, String user, String password) {
        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=***]";
        }
    }

    /**
     * Redis shared by several instances (SPEC §6): presence and wake-ups across instances. {@code keyPrefix} starts
     * every key and channel, so several deployments can share one Redis.
     */
    public record Redis(String url, String keyPrefix) {
        @Override
        public String toString() {
            return "Redis[url=" + url.replaceFirst("//[^@/]*@", "//***@") + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    public record Smtp(String host, int port, Optional<String> user, Optional<String> password, boolean startTls) {
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", user=" + user.orElse("-") + "]";
        }
    }

    public record Sysop(String handle, String password, Optional<String> email) {
        @Override
        public String toString() {
            return "Sysop[handle=" + handle + "]";
        }
    }

    /** A setting that is present but unusable stops the start with a message naming it. */
    public static final class Invalid extends RuntimeException {
        Invalid(String name, String problem) {
            super(name + " " + problem);
        }
    }

    public static Settings from(Environment env) {
        var r = new Reader(env);
        int httpPort = r.port("SCROLLBACK_HTTP_PORT", 8080);
        var database = r.text("SCROLLBACK_DB_URL").map(url -> {
            if (!url.startsWith("jdbc:postgresql:")) throw new Invalid("SCROLLBACK_DB_URL", "must be a jdbc:postgresql: URL");
            return new Database(url, r.text("SCROLLBACK_DB_USER").orElse("postgres"), r.text("SCROLLBACK_DB_PASSWORD").orElse(""));
        });
        var redis = r.text("SCROLLBACK_REDIS_URL").map(url -> new Redis(redisUrl(url), redisPrefix(r)));
        var smtp = r.text("SCROLLBACK_SMTP_HOST").map(host -> new Smtp(host, r.port("SCROLLBACK_SMTP_PORT", 587),
                r.text("SCROLLBACK_SMTP_USER"), r.text("SCROLLBACK_SMTP_PASSWORD"), r.flag("SCROLLBACK_SMTP_STARTTLS", true)));
        var sysopHandle = r.text("SCROLLBACK_SYSOP_HANDLE");
        var sysopPassword = r.text("SCROLLBACK_SYSOP_PASSWORD");
        if (sysopHandle.isPresent() != sysopPassword.isPresent()) {
            throw new Invalid("SCROLLBACK_SYSOP_HANDLE and SCROLLBACK_SYSOP_PASSWORD", "must be set together");
        }
        var sysop = sysopHandle.map(h -> new Sysop(h, sysopPassword.orElseThrow(), r.text("SCROLLBACK_SYSOP_EMAIL")));
        var publicUrl = r.text("SCROLLBACK_PUBLIC_URL").orElse("http://localhost:" + (httpPort == 0 ? 8080 : httpPort));
        return new Settings(
                r.text("SCROLLBACK_TELNET_HOST").orElse("0.0.0.0"),
                r.port("SCROLLBACK_TELNET_PORT", 2323),
                r.text("SCROLLBACK_HTTP_HOST").orElse("0.0.0.0"),
                httpPort,
                Path.of(r.text("SCROLLBACK_DATA_DIR").orElse("data")).toAbsolutePath().normalize(),
                r.uri("SCROLLBACK_PUBLIC_URL", publicUrl),
                database,
                redis,
                smtp,
                r.text("SCROLLBACK_SMTP_FROM").orElse("Scrollback <noreply@localhost>"),
                sysop,
                r.number("SCROLLBACK_TELNET_MAX_SESSIONS", 200, 1, 100_000),
                r.duration("SCROLLBACK_LOGIN_TIMEOUT", Duration.ofMinutes(5)),
                r.duration("SCROLLBACK_IDLE_TIMEOUT", Duration.ofMinutes(15)),
                r.duration("SCROLLBACK_WEB_IDLE_TIMEOUT", Duration.ofMinutes(30)),
                r.duration("SCROLLBACK_CATCH_UP_TIMEOUT", Duration.ofMinutes(10)),
                r.text("SCROLLBACK_BBS_NAME").orElse("Scrollback BBS"),
                signingKeyRotation(r),
                // plugins' outbound HTTP may reach loopback, private and link-local addresses (decision 0019): off
                r.flag("SCROLLBACK_PLUGIN_HTTP_ALLOW_PRIVATE", false));
    }

    private static final Pattern REDIS_DATABASE = Pattern.compile("/?|/\\d{1,5}");
    private static final Pattern REDIS_PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** {@code redis://[user:password@]host[:port][/db]}, or {@code rediss://…} for TLS; the error never repeats it (it may hold a password). */
    private static String redisUrl(String url) {
        var name = "SCROLLBACK_REDIS_URL";
        var shape = "must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379/0";
        try {
            var uri = new URI(url);
            boolean schemeOk = "redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme());
            boolean portOk = uri.getPort() == -1 || (uri.getPort() > 0 && uri.getPort() <= 65535);
            var path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!schemeOk || uri.getHost() == null || !portOk || !REDIS_DATABASE.matcher(path).matches()) {
                throw new Invalid(name, shape);
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new Invalid(name, shape);
        }
    }

    private static String redisPrefix(Reader r) {
        var prefix = r.text("SCROLLBACK_REDIS_PREFIX").orElse("scrollback:");
        if (!REDIS_PREFIX.matcher(prefix).matches()) {
            throw new Invalid("SCROLLBACK_REDIS_PREFIX", "must be 1 to 64 letters, digits or . _ : -");
        }
        return prefix;
    }

    /** How long a token signing key signs before the next one takes over (decision 0008): 30 days, at least an hour. */
    private static Duration signingKeyRotation(Reader r) {
        var name = "SCROLLBACK_SIGNING_KEY_ROTATION";
        var interval = r.duration(name, Duration.ofDays(30));
        if (interval.compareTo(Duration.ofHours(1)) < 0) throw new Invalid(name, "must be at least an hour (1h)");
        return interval;
    }

    /** Looks a name up in both spellings and parses it, naming the setting in every error. */
    record Reader(Environment env) {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

        Optional<String> text(String name) {
            var value = env.getProperty(name);
            if (value == null) value = env.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }

        int number(String name, int fallback, int min, int max) {
            var text = text(name);
            if (text.isEmpty()) return fallback;
            try {
                int value = Integer.parseInt(text.get());
                if (value < min || value > max) throw new Invalid(name, "must be between " + min + " and " + max);
                return value;
            } catch (NumberFormatException e) {
                throw new Invalid(name, "must be a number, not '" + text.get() + "'");
            }
        }

        int port(String name, int fallback) {
            return number(name, fallback, 0, 65535);
        }

        boolean flag(String name, boolean fallback) {
            return text(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw new Invalid(name, "must be true or false");
            }).orElse(fallback);
        }

        URI uri(String name, String fallback) {
            var text = text(name).orElse(fallback);
            try {
                var uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new Invalid(name, "must be an http(s) URL");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new Invalid(name, "is not a URL: " + e.getMessage());
            }
        }

        /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 500ms}, a bare number of seconds, or ISO-8601 ({@code PT15M}). */
        Duration duration(String name, Duration fallback) {
            var text = text(name);
            if (text.isEmpty()) return fallback;
            var value = text.get().toLowerCase(Locale.ROOT);
            var m = DURATION.matcher(value);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                var unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(text.get());
            } catch (RuntimeException e) {
                throw new Invalid(name, "must be a duration like 90s, 15m or PT15M");
            }
        }
    }
}
