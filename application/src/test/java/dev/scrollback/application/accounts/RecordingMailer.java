package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.EmailAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** A {@link Mailer} that keeps what it is given, and can be told to fail. Thread-safe. */
public final class RecordingMailer implements Mailer {
    private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");

    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void send(Mail mail) {
        if (failing) throw new MailFailed("mail is down (RecordingMailer told to fail)", null);
        sent.add(mail);
    }

    /** From now on every send throws {@link Mailer.MailFailed} (and keeps nothing), or works again. */
    public void failing(boolean fail) {
        this.failing = fail;
    }

    public List<Mail> sent() {
        return List.copyOf(sent);
    }

    public List<Mail> sentTo(EmailAddress to) {
        return sent.stream().filter(m -> m.to().equals(to)).toList();
    }

    public Mail last() {
        if (sent.isEmpty()) throw new AssertionError("no mail was sent");
        return sent.getLast();
    }

    /** The 6-digit code in the last mail. */
    public String lastCode() {
        return codeIn(last()).orElseThrow(() -> new AssertionError("the last mail holds no 6-digit code: " + last()));
    }

    /** The first run of exactly six digits in the mail's text. */
    public static Optional<String> codeIn(Mail mail) {
        var m = CODE.matcher(mail.text());
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public void clear() {
        sent.clear();
    }
}
