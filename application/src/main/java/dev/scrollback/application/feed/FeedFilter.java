package dev.scrollback.application.feed;

import java.util.Set;

/**
 * Which events of the feed a follower wants: by event type name and by stream category (the part of the stream id
 * before the first {@code -}). An empty set lets every value through.
 */
public record FeedFilter(Set<String> types, Set<String> categories) {
    public static final FeedFilter EVERYTHING = new FeedFilter(Set.of(), Set.of());

    public FeedFilter {
        types = Set.copyOf(types);
        categories = Set.copyOf(categories);
    }

    public boolean matches(FeedItem item) {
        return (types.isEmpty() || types.contains(item.type()))
                && (categories.isEmpty() || categories.contains(item.stream().category()));
    }
}
