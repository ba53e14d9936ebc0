package dev.scrollback.application.plugins;

import java.util.Objects;

/** What a plugin answered, read by the sandbox according to the hook (an answer that does not read is a fault). */
public sealed interface HookAnswer {

    /** Nothing to say (an empty output, or a hook whose output is not used). */
    record Nothing() implements HookAnswer {}

    /** Text for the caller: a greeting, a command's answer, a menu label (one line). */
    record Text(String text) implements HookAnswer {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A filter lets the text through unchanged. */
    record Accept() implements HookAnswer {}

    /** A filter refuses the text, saying why. */
    record Reject(String reason) implements HookAnswer {
        public Reject {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A filter replaces the text. */
    record Rewrite(String text) implements HookAnswer {
        public Rewrite {
            Objects.requireNonNull(text, "text");
        }
    }
}
