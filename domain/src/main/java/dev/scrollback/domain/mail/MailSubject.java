package dev.scrollback.domain.mail;

import dev.scrollback.domain.shared.Erasure;

/** A private message's subject: 1 to 120 characters on one line. Free text: personal data (SPEC §3). */
public record MailSubject(String value) {
    /** The value once its account is erased: its key is gone (see {@link Erasure}). */
    public static final MailSubject ERASED = new MailSubject(Erasure.MARK);

    public static final int MAX = 120;
    private static final String RE = "Re: ";

    public MailSubject {
        if (!Erasure.is(value)) {
            value = MailText.oneLine("subject", value, MAX);
        }
    }

    /** The subject of a reply: "Re: " once however long the exchange ("Re: Re: Re:" helps nobody), cut to fit. */
    public MailSubject reply() {
        if (value.regionMatches(true, 0, RE.strip(), 0, RE.strip().length())) return this;
        var text = RE + value;
        return new MailSubject(text.codePointCount(0, text.length()) > MAX ? text.substring(0, text.offsetByCodePoints(0, MAX)) : text);
    }

    /** Whether this is {@link #ERASED}: the value was destroyed with its account's key. */
    public boolean erased() {
        return Erasure.is(value);
    }
}
