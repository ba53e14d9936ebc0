package dev.scrollback.application.live;

import dev.scrollback.application.shared.RecordedEvent;

/**
 * Which events concern one live client. Asked once per event in position order, so an interest may keep state from
 * the events it sees (which chat rooms its caller has joined, say); one client's interest is asked by one thread at a
 * time. It must be quick and must not block: it is asked on the thread that feeds every client.
 */
@FunctionalInterface
public interface LiveInterest {
    boolean concerns(RecordedEvent event);
}
