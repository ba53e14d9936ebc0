package dev.scrollback.domain.webhooks;

import dev.scrollback.domain.shared.InvalidValue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which events a subscription receives, exactly as the SSE stream filters: by event type name and by stream category
 * (the part of the stream id before the first {@code -}); an empty set lets every value through. At most {@value
 * #MAX_NAMES} names each, shaped as the stream's query parameters are.
 */
public record WebhookFilter(Set<String> eventTypes, Set<String> categories) {
    public static final int MAX_NAMES = 100;
    public static final WebhookFilter EVERYTHING = new WebhookFilter(Set.of(), Set.of());
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9]{0,31}");

    public WebhookFilter {
        eventTypes = checked(eventTypes, "eventTypes", TYPE, "event type names (AccountRegistered)");
        categories = checked(categories, "categories", CATEGORY, "stream categories (chatroom)");
    }

    private static Set<String> checked(Set<String> names, String field, Pattern shape, String what) {
        if (names == null) return Set.of();
        if (names.size() > MAX_NAMES) throw new InvalidValue(field, "names at most " + MAX_NAMES);
        for (var name : names) {
            if (name == null || !shape.matcher(name).matches()) throw new InvalidValue(field, "must be a list of " + what);
        }
        return java.util.Collections.unmodifiableSet(new TreeSet<>(names));   // sorted: stable in events and answers
    }
}
