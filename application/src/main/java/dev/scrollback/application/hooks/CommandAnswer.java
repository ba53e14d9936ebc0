package dev.scrollback.application.hooks;

import java.util.Objects;

/** How a plugin command went, as the caller is shown it. */
public sealed interface CommandAnswer {

    /** The plugin's answer, as lines of text. */
    record Answered(String text) implements CommandAnswer {
        public Answered {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The plugin said it could not do it, and why (its own words). */
    record Failed(String message) implements CommandAnswer {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The command did not run: no such command, the plugin is not running, it is busy, or it broke (a fault). */
    record Unavailable(String why) implements CommandAnswer {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }
}
