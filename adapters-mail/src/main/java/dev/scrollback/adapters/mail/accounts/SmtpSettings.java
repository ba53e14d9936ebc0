package dev.scrollback.adapters.mail.accounts;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to hand mail to an SMTP server ({@code SCROLLBACK_SMTP_*}). A user name comes with a password or not
 * at all. With {@code startTls} the connection must be upgraded to TLS (with the server's certificate and name checked)
 * before anything is sent: a server that does not offer STARTTLS gets nothing, not even the password.
 *
 * @param from the sender, e.g. {@code Scrollback <bbs@example.org>}
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, String from,
                           boolean startTls) {
    public SmtpSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        if (host == null || host.isBlank() || !host.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException("the SMTP host must be a host name or address, was '" + host + "'");
        }
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("the SMTP port must be 1..65535, was " + port);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("give the SMTP user and password together, or neither");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user.orElse("(none)") + ", password="
                + password.map(p -> "***").orElse("(none)") + ", from=" + from + ", startTls=" + startTls + "]";
    }
}
