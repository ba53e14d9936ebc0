package dev.scrollback.application.hooks;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the content filters leave of a value about to be posted, for every capability that posts (boards, chat). */
public final class ContentFilters {
    private ContentFilters() {}

    /**
     * {@code original} when no filter changed it, or the value {@code rebuild} makes of the rewritten text. A refusal,
     * or a rewrite that {@code rebuild} refuses (it is no longer {@code what}), is thrown as {@code refused(plugin, why)}.
     */
    public static <T> T applied(PluginHooks hooks, MessageDraft draft, T original, Function<String, T> rebuild, String what,
                                BiFunction<String, String, ? extends RuntimeException> refused) {
        return switch (hooks.filterMessage(draft)) {
            case ContentVerdict.Rejected rejected -> throw refused.apply(rejected.plugin(), rejected.reason());
            case ContentVerdict.Accepted accepted when accepted.rewrittenBy().isEmpty() -> original;
            case ContentVerdict.Accepted accepted -> {
                try {
                    yield rebuild.apply(accepted.text());
                } catch (InvalidValue unusable) {
                    throw refused.apply(String.join(", ", accepted.rewrittenBy()),
                            "the filter's rewrite is not " + what + " (" + unusable.getMessage() + ")");
                }
            }
        };
    }
}
