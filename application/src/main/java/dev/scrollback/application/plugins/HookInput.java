package dev.scrollback.application.plugins;

import dev.scrollback.application.hooks.CommandRequest;
import dev.scrollback.application.hooks.LoginFacts;
import dev.scrollback.application.hooks.MenuViewer;
import dev.scrollback.application.hooks.PostedMessage;
import dev.scrollback.application.hooks.SessionFacts;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.Hook;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one hook call hands a plugin. The wire format per hook is the sandbox's (and the plugin authors' guide's):
 * the filter and the command get plain text, the others a JSON object.
 */
public sealed interface HookInput {
    Hook hook();

    /** {@code filter_message_content}: the text about to be posted. */
    record FilterContent(String text) implements HookInput {
        public FilterContent {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Hook hook() {
            return Hook.FILTER_MESSAGE_CONTENT;
        }
    }

    /** {@code on_message_post}. */
    record MessagePosted(PostedMessage message) implements HookInput {
        public MessagePosted {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Hook hook() {
            return Hook.ON_MESSAGE_POST;
        }
    }

    /** {@code on_user_login}. */
    record UserLogin(LoginFacts login) implements HookInput {
        public UserLogin {
            Objects.requireNonNull(login, "login");
        }

        @Override
        public Hook hook() {
            return Hook.ON_USER_LOGIN;
        }
    }

    /** {@code on_session_start}. */
    record SessionStart(SessionFacts session) implements HookInput {
        public SessionStart {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public Hook hook() {
            return Hook.ON_SESSION_START;
        }
    }

    /** {@code on_session_end}, with why it ended (its wire name). */
    record SessionEnd(SessionFacts session, String reason) implements HookInput {
        public SessionEnd {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Hook hook() {
            return Hook.ON_SESSION_END;
        }
    }

    /** {@code render_menu_item}. */
    record MenuItemFor(MenuViewer viewer) implements HookInput {
        public MenuItemFor {
            Objects.requireNonNull(viewer, "viewer");
        }

        @Override
        public Hook hook() {
            return Hook.RENDER_MENU_ITEM;
        }
    }

    /** {@code handle_command}: what the caller typed after the command's name. */
    record Command(CommandRequest request) implements HookInput {
        public Command {
            Objects.requireNonNull(request, "request");
        }

        @Override
        public Hook hook() {
            return Hook.HANDLE_COMMAND;
        }
    }

    /**
     * {@code on_event}: an event of a kind the manifest names was recorded — its envelope, never its data (a plugin sees
     * no personal data through a trigger). {@code actor} is the actor's kind, {@code actorHandle} its handle if it has one.
     */
    record EventRecorded(String type, String stream, long position, Instant at, String actor, Optional<String> actorHandle)
            implements HookInput {
        public EventRecorded {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(actorHandle, "actorHandle");
        }

        @Override
        public Hook hook() {
            return Hook.ON_EVENT;
        }
    }

    /** {@code on_schedule}: {@code schedule} is due for {@code slot}. */
    record ScheduleDue(CronSchedule schedule, Instant slot) implements HookInput {
        public ScheduleDue {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(slot, "slot");
        }

        @Override
        public Hook hook() {
            return Hook.ON_SCHEDULE;
        }
    }
}
