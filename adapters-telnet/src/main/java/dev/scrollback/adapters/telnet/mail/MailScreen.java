package dev.scrollback.adapters.telnet.mail;

import dev.scrollback.application.shared.Activity;
import dev.scrollback.adapters.telnet.editor.Composer;
import dev.scrollback.adapters.telnet.editor.Draft;
import dev.scrollback.adapters.telnet.editor.TextRules;
import dev.scrollback.adapters.telnet.shared.CallerConsole;
import dev.scrollback.adapters.telnet.shared.Echo;
import dev.scrollback.application.accounts.AccessDenied;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.mail.DeletePrivateMessage;
import dev.scrollback.application.mail.MailPage;
import dev.scrollback.application.mail.MailSummary;
import dev.scrollback.application.mail.ReadInbox;
import dev.scrollback.application.mail.ReadPrivateMessage;
import dev.scrollback.application.mail.ReadPrivateMessage.OpenedMessage;
import dev.scrollback.application.mail.ReadSentMail;
import dev.scrollback.application.mail.SendPrivateMessage;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.application.shared.RateLimited;
import dev.scrollback.domain.accounts.Role;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailRejected;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageEvent.MailboxSide;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.InvalidValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Private mail on the terminal: the inbox and sent mail as lists that fit the caller's window (a page at a time, unread
 * messages marked {@code *}), a reader with next / previous / reply / delete, and writing a new message with a simple
 * {@link Composer} (full-screen where the terminal allows, else the line editor). Everything goes through the same use
 * cases as the REST API.
 */
public final class MailScreen {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int NARROWEST = 40;
    private static final int HANDLE = 12;
    private static final int DATE = 16;

    private final SendPrivateMessage sendPrivateMessage;
    private final ReadInbox readInbox;
    private final ReadSentMail readSentMail;
    private final ReadPrivateMessage readPrivateMessage;
    private final DeletePrivateMessage deletePrivateMessage;

    /** A message body as the editors make it: the domain's {@link MailBody}, its refusals said in one line. */
    static final TextRules<MailBody> BODY = new TextRules<>(MailBody::new, MailRefusals::explain, MailBody.MAX_LINES);

    private final Composer composer;

    public MailScreen(SendPrivateMessage sendPrivateMessage, ReadInbox readInbox, ReadSentMail readSentMail,
                      ReadPrivateMessage readPrivateMessage, DeletePrivateMessage deletePrivateMessage) {
        this(sendPrivateMessage, readInbox, readSentMail, readPrivateMessage, deletePrivateMessage,
                Composer.fullScreenWherePossible());
    }

    /** With another way of composing (tests start in the line editor). */
    public MailScreen(SendPrivateMessage sendPrivateMessage, ReadInbox readInbox, ReadSentMail readSentMail,
                      ReadPrivateMessage readPrivateMessage, DeletePrivateMessage deletePrivateMessage, Composer composer) {
        this.composer = composer;
        this.sendPrivateMessage = sendPrivateMessage;
        this.readInbox = readInbox;
        this.readSentMail = readSentMail;
        this.readPrivateMessage = readPrivateMessage;
        this.deletePrivateMessage = deletePrivateMessage;
    }

    /** Mail is for members and sysops; a guest who has not confirmed their address is not offered it. */
    public boolean offeredTo(Caller caller) {
        return caller.holds(Role.MEMBER) || caller.holds(Role.SYSOP);
    }

    /** The main menu's entry: "Mail", or "Mail (2 unread)". */
    public String label(Caller caller) {
        int unread = readInbox.inbox(caller, Optional.empty(), 1).unread();
        return unread == 0 ? "Mail" : "Mail (" + unread + " unread)";
    }

    /** Returns to the main menu on Q. */
    public void run(CallerConsole console, Caller caller, Origin origin) {
        while (true) {
            console.doing(Activity.MAIL);
            console.println();
            console.println(console.theme().title("Mail: " + readInbox.inbox(caller, Optional.empty(), 1).unread() + " unread"));
            console.println("  [I] Inbox");
            console.println("  [S] Sent mail");
            console.println("  [W] Write a message");
            console.println("  [Q] Back");
            switch (console.choose("Your choice", "ISWQ")) {
                case 'I' -> browse(console, caller, origin, MailboxSide.RECIPIENT);
                case 'S' -> browse(console, caller, origin, MailboxSide.SENDER);
                case 'W' -> write(console, caller, origin);
                case 'Q' -> {
                    return;
                }
                default -> throw new IllegalStateException("choose() returns only the keys it was given");
            }
        }
    }

    private MailPage fetch(Caller caller, MailboxSide box, Optional<PrivateMessageId> after, int limit) {
        return box == MailboxSide.RECIPIENT ? readInbox.inbox(caller, after, limit) : readSentMail.sent(caller, after, limit);
    }

    /** A mailbox a page at a time; a number opens that message in the reader. */
    private void browse(CallerConsole console, Caller caller, Origin origin, MailboxSide box) {
        var cursors = new ArrayList<Optional<PrivateMessageId>>();    // where each page visited so far starts
        cursors.add(Optional.empty());
        int at = 0;
        while (true) {
            int rows = Math.min(MailPage.MAX_LIMIT, Math.max(3, console.height() - 5));
            var page = fetch(caller, box, cursors.get(at), rows);
            if (page.messages().isEmpty() && at > 0) {                // the page emptied under us (deleted): go back
                cursors.subList(at, cursors.size()).clear();
                at--;
                continue;
            }
            render(console, box, page, at);
            if (page.messages().isEmpty()) return;
            var answer = console.prompt("Number to read, N next page, P previous page, Q back", Echo.VISIBLE).strip();
            if (answer.isEmpty() || answer.equalsIgnoreCase("Q")) return;
            if (answer.equalsIgnoreCase("N")) {
                if (page.next().isEmpty()) {
                    console.println("This is the last page.");
                } else {
                    cursors.subList(at + 1, cursors.size()).clear();
                    cursors.add(page.next());
                    at++;
                }
            } else if (answer.equalsIgnoreCase("P")) {
                if (at == 0) console.println("This is the first page.");
                else at--;
            } else {
                var number = number(answer, page.messages().size());
                if (number.isEmpty()) console.println("Type a number from 1 to " + page.messages().size() + ", N, P or Q.");
                else reader(console, caller, origin, new ArrayList<>(page.messages()), number.get() - 1);
            }
        }
    }

    private static Optional<Integer> number(String text, int max) {
        if (text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.empty();
        int n = Integer.parseInt(text);
        return n >= 1 && n <= max ? Optional.of(n) : Optional.empty();
    }

    private static void render(CallerConsole console, MailboxSide box, MailPage page, int pageIndex) {
        int usable = Math.max(console.width(), NARROWEST) - 1;        // the last column stays free: some terminals wrap there
        int subject = Math.max(8, usable - 4 - 2 - HANDLE - 2 - DATE - 2);
        console.println();
        var title = box == MailboxSide.RECIPIENT ? "Inbox" : "Sent mail";
        console.println(console.theme().title(title + " (" + page.unread() + " unread in your inbox)" + (pageIndex > 0 ? ", page " + (pageIndex + 1) : "")));
        if (page.messages().isEmpty()) {
            console.println(box == MailboxSide.RECIPIENT ? "Your inbox is empty." : "You have not sent any mail.");
            return;
        }
        console.println(row("  #", " ", box == MailboxSide.RECIPIENT ? "From" : "To", "Date (UTC)", "Subject", subject));
        for (int i = 0; i < page.messages().size(); i++) {
            var m = page.messages().get(i);
            var mark = box == MailboxSide.RECIPIENT ? (m.read() ? " " : "*") : (m.read() ? "r" : " ");
            console.println(row("%3d".formatted(i + 1), mark, (box == MailboxSide.RECIPIENT ? m.from() : m.to()).value(),
                    WHEN.format(m.sentAt()), m.subject().value(), subject));
        }
        console.println(box == MailboxSide.RECIPIENT ? "(* unread)" : "(r read by the recipient)");
    }

    private static String row(String number, String mark, String who, String date, String subject, int subjectWidth) {
        return (number + " " + mark + "  " + fit(who, HANDLE) + "  " + fit(date, DATE) + "  " + fit(subject, subjectWidth)).stripTrailing();
    }

    /** Pads or cuts to exactly {@code width} characters (code points), marking a cut with {@code ~}. */
    static String fit(String text, int width) {
        int length = text.codePointCount(0, text.length());
        if (length <= width) return text + " ".repeat(width - length);
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "~";
    }

    /** The messages of one page, one at a time; returns on Q, or when none is left. */
    private void reader(CallerConsole console, Caller caller, Origin origin, List<MailSummary> messages, int start) {
        int i = start;
        while (!messages.isEmpty()) {
            OpenedMessage message;
            try {
                message = readPrivateMessage.read(caller, messages.get(i).id(), origin);
            } catch (MailRejected gone) {
                console.println(MailRefusals.explain(gone.reason()));
                return;
            }
            console.page(show(message, i + 1, messages.size()));
            switch (console.choose("[N] Next  [P] Previous  [R] Reply  [D] Delete  [Q] Quit", "NPRDQ")) {
                case 'N' -> {
                    if (i + 1 < messages.size()) i++;
                    else console.println("That was the last message on this page.");
                }
                case 'P' -> {
                    if (i > 0) i--;
                    else console.println("That was the first message on this page.");
                }
                case 'R' -> reply(console, caller, origin, message);
                case 'D' -> {
                    if (console.choose("Delete this message from your mailbox? [Y] Yes  [N] No", "YN") == 'Y') {
                        try {
                            deletePrivateMessage.delete(caller, message.id(), origin);
                            console.println("Deleted.");
                        } catch (MailRejected gone) {
                            console.println(MailRefusals.explain(gone.reason()));
                        }
                        messages.remove(i);
                        if (i >= messages.size()) i = messages.size() - 1;
                    }
                }
                case 'Q' -> {
                    return;
                }
                default -> throw new IllegalStateException("choose() returns only the keys it was given");
            }
        }
    }

    static List<String> show(OpenedMessage message, int number, int of) {
        var lines = new ArrayList<String>();
        lines.add("");
        lines.add("Message " + number + " of " + of + (message.side() == MailboxSide.RECIPIENT ? " in your inbox" : " you sent"));
        lines.add("From:    " + message.from().value());
        lines.add("To:      " + message.to().value());
        lines.add("Date:    " + WHEN.format(message.sentAt()) + " UTC");
        lines.add("Subject: " + message.subject().value());
        if (message.side() == MailboxSide.SENDER) {
            lines.add("Read:    " + message.readAt().map(at -> WHEN.format(at) + " UTC").orElse("not yet"));
        }
        lines.add("");
        for (var line : message.body().lines()) lines.add(line.replace("\t", "    "));
        lines.add("");
        return lines;
    }

    private void write(CallerConsole console, Caller caller, Origin origin) {
        console.println();
        var to = console.prompt("To (a handle; Enter cancels)", Echo.VISIBLE).strip();
        if (to.isEmpty()) return;
        Handle handle;
        try {
            handle = new Handle(to);
        } catch (InvalidValue invalid) {
            console.println("No member goes by that handle.");
            return;
        }
        var subjectText = console.prompt("Subject", Echo.VISIBLE);
        if (subjectText.isBlank()) {
            console.println("Nothing was sent.");
            return;
        }
        MailSubject subject;
        try {
            subject = new MailSubject(subjectText);
        } catch (InvalidValue invalid) {
            console.println(MailRefusals.explain(invalid) + " Nothing was sent.");
            return;
        }
        composer.compose(console, Draft.empty(), BODY).ifPresentOrElse(
                body -> send(console, caller, origin, SendPrivateMessage.Command.to(handle, subject, body)),
                () -> console.println("Nothing was sent."));
    }

    private void reply(CallerConsole console, Caller caller, Origin origin, OpenedMessage message) {
        var other = message.side() == MailboxSide.RECIPIENT ? message.from() : message.to();
        console.println();
        console.println("Reply to " + other.value() + ", subject: " + message.subject().reply().value());
        composer.compose(console, Draft.quoting(message.body().quoted()), BODY).ifPresentOrElse(
                body -> send(console, caller, origin, SendPrivateMessage.Command.replyTo(message.id(), body)),
                () -> console.println("Nothing was sent."));
    }

    private void send(CallerConsole console, Caller caller, Origin origin, SendPrivateMessage.Command command) {
        try {
            var sent = sendPrivateMessage.send(caller, command, origin);
            console.println("Sent to " + sent.to().value() + ".");
        } catch (MailRejected refused) {
            console.println(MailRefusals.explain(refused.reason()) + " Nothing was sent.");
        } catch (RateLimited limited) {
            console.println(MailRefusals.explain(limited) + " Nothing was sent.");
        } catch (AccessDenied denied) {
            console.println(MailRefusals.explain(denied));
        } catch (InvalidValue invalid) {
            console.println(MailRefusals.explain(invalid) + " Nothing was sent.");
        }
    }
}
