package dev.scrollback.application.hooks;

import java.util.List;
import java.util.Objects;

/** What the content filters made of a {@link MessageDraft}. */
public sealed interface ContentVerdict {

    /** Post {@code text}: the draft's, or what the plugins named in {@code rewrittenBy} changed it to. */
    record Accepted(String text, List<String> rewrittenBy) implements ContentVerdict {
        public Accepted {
            Objects.requireNonNull(text, "text");
            rewrittenBy = List.copyOf(rewrittenBy);
        }
    }

    /** Do not post: {@code plugin} refused it, for {@code reason} (shown to the author). */
    record Rejected(String plugin, String reason) implements ContentVerdict {
        public Rejected {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
