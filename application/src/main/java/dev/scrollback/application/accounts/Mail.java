package dev.scrollback.application.accounts;

import dev.scrollback.domain.accounts.EmailAddress;

/** A plain-text message to one recipient. */
public record Mail(EmailAddress to, String subject, String text) {}
