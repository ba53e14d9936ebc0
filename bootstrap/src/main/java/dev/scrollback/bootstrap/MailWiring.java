package dev.scrollback.bootstrap;

import dev.scrollback.adapters.telnet.mail.MailScreen;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.mail.MailRoutes;
import dev.scrollback.application.mail.DeletePrivateMessage;
import dev.scrollback.application.mail.ReadInbox;
import dev.scrollback.application.mail.ReadPrivateMessage;
import dev.scrollback.application.mail.ReadSentMail;
import dev.scrollback.application.mail.SendPrivateMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Private mail (issue 4, item 2): its REST routes. The use cases and the {@code Mailboxes} projection are scanned from
 * the application; the projection is fed in {@link CoreWiring}. Also the terminal's mail screen, which {@link
 * TelnetWiring} adds to the main menu.
 */
@Configuration(proxyBeanMethods = false)
class MailWiring {

    @Bean
    Routes mailRoutes(SendPrivateMessage send, ReadInbox inbox, ReadSentMail sent, ReadPrivateMessage read,
                      DeletePrivateMessage delete, Authentication auth) {
        return new MailRoutes(send, inbox, sent, read, delete, auth);
    }

    /** The telnet (and web terminal) mail screen; {@link TelnetWiring} adds it to the main menu. */
    @Bean
    MailScreen mailScreen(SendPrivateMessage send, ReadInbox inbox, ReadSentMail sent, ReadPrivateMessage read,
                          DeletePrivateMessage delete) {
        return new MailScreen(send, inbox, sent, read, delete);
    }
}
