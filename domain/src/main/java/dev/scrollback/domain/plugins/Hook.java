package dev.scrollback.domain.plugins;

import dev.scrollback.domain.shared.InvalidValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the BBS calls a plugin. Each hook has a default deadline, short where a caller waits for the answer:
 * <ul>
 * <li>filters ({@code filter_message_content}, {@code validate_file}): 50 ms, they sit in the path of every post and
 * upload and may {@linkplain #mayVeto() veto} it;
 * <li>{@code render_menu_item}: 50 ms, a menu is drawn while the caller looks at it;
 * <li>notifications ({@code on_message_post}, {@code on_file_upload}, {@code on_session_start},
 * {@code on_session_end}): 100 ms, they run after the fact and change nothing, but a slow one still holds a worker;
 * <li>{@code on_user_login}: 200 ms, once per login, where a greeting may take a little work;
 * <li>{@code handle_command}: 500 ms, the caller asked the plugin for something and expects it to do some work;
 * <li>triggers ({@code on_event}, {@code on_schedule}): 200 and 500 ms, they run behind, on an event the manifest names
 * or at the times of its cron schedules ({@link PluginTriggers}).
 * </ul>
 * A manifest may ask for other deadlines within {@link PluginLimits#DEADLINE_CEILING} (see {@link PluginLimits}).
 */
public enum Hook {
    ON_USER_LOGIN(200, false),
    ON_MESSAGE_POST(100, false),
    ON_FILE_UPLOAD(100, false),
    ON_SESSION_START(100, false),
    ON_SESSION_END(100, false),
    FILTER_MESSAGE_CONTENT(50, true),
    VALIDATE_FILE(50, true),
    RENDER_MENU_ITEM(50, false),
    HANDLE_COMMAND(500, false),
    ON_EVENT(200, false),
    ON_SCHEDULE(500, false);

    private final Duration defaultDeadline;
    private final boolean mayVeto;

    Hook(long defaultMillis, boolean mayVeto) {
        this.defaultDeadline = Duration.ofMillis(defaultMillis);
        this.mayVeto = mayVeto;
    }

    /** The name in manifests and events, like {@code on_user_login}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration defaultDeadline() {
        return defaultDeadline;
    }

    /**
     * Whether the plugin's answer may change what happens: {@code filter_message_content} may reject or rewrite a
     * message, {@code validate_file} may reject a file. Every other hook is told about something and changes nothing.
     */
    public boolean mayVeto() {
        return mayVeto;
    }

    /** The hook with this wire name, matched exactly; anything else is empty. */
    public static Optional<Hook> fromWireName(String name) {
        return Arrays.stream(values()).filter(h -> h.wireName().equals(name)).findFirst();
    }

    /** The hook with this wire name, or an error that lists the hooks there are. */
    public static Hook parse(String name) {
        return fromWireName(name).orElseThrow(() -> new InvalidValue("hook", "is not a known hook; known hooks are "
                + Arrays.stream(values()).map(Hook::wireName).collect(Collectors.joining(", "))));
    }
}
