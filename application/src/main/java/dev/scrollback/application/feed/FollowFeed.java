package dev.scrollback.application.feed;

import dev.scrollback.application.accounts.Caller;
import java.time.Duration;

/**
 * In-port: follow the global event feed (issue 7, the SSE stream): every event after a position that passes a filter,
 * read from the store page by page at the client's pace, then each new one as it is appended — no gap, no duplicate.
 * Who may: as {@link ReadFeed} (sysops; an API key needs {@code events:read}). Each account may follow at most
 * {@link #MAX_PER_ACCOUNT} streams at once.
 */
public interface FollowFeed {
    int MAX_PER_ACCOUNT = 4;

    /**
     * Checks the caller and the position and takes one of the account's streams, before anything is sent: {@code
     * AccessDenied}/{@code CredentialDenied} for a caller who may not read the feed, {@code InvalidValue} ("after") for
     * a position below 0 or beyond the log's last, {@code RateLimited} when the account already follows {@value
     * #MAX_PER_ACCOUNT} streams. Close the answer to give the stream back.
     */
    Following open(Caller caller, long after, FeedFilter filter);

    /** Whether the caller (authenticated again, later on) may still follow the feed. */
    boolean mayFollow(Caller caller);

    /** One open stream. */
    interface Following extends AutoCloseable {
        /**
         * Sends, until the client goes or {@link #stop()}: every event after the position that passes the filter, then
         * live ones; {@link Sink#heartbeat()} after {@code heartbeat} without anything written. Returns the last
         * position sent (the position asked for when nothing was).
         */
        long run(Sink sink, Duration heartbeat) throws InterruptedException;

        /** Ends {@link #run} from any thread. */
        void stop();

        /** Gives the account's stream back (once; more calls do nothing). */
        @Override
        void close();
    }

    /** The client's side; each call may block while the client is slow. False once the client has gone. */
    interface Sink {
        boolean send(FeedItem item);

        /** Writes what {@link #send} held: called after each page, and whenever the stream waits. */
        boolean flush();

        /** Nothing was written for a while: say so (a comment) so proxies keep the connection. */
        boolean heartbeat();
    }
}
