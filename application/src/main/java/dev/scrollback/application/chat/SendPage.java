package dev.scrollback.application.chat;

import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.shared.Handle;
import java.time.Instant;

/**
 * In-port: a caller pages another by handle ({@code PageSent}): a short line that breaks into the recipient's sessions
 * wherever they are. Only to a caller online now ({@code NotOnline}: a page is not mail, it is not kept for later),
 * never to oneself ({@code CannotPageYourself}), never to a handle no member holds ({@code UnknownCaller}). At most
 * five a minute per account ({@code RateLimited}).
 */
public interface SendPage {
    Paged page(Caller caller, Handle to, PageText text, Origin origin);

    /** {@code to}: the recipient's handle as they spell it. */
    record Paged(PageId page, Handle to, Instant at) {}
}
