package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.history.HistoryRoutes;
import dev.scrollback.application.history.ShowAccountAsOf;
import dev.scrollback.application.history.ShowBoardAsOf;
import dev.scrollback.application.history.ShowThreadAsOf;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time travel over HTTP; its projection ({@code BoardThreads}) is fed with the others in {@link CoreWiring}. */
@Configuration(proxyBeanMethods = false)
class HistoryWiring {

    @Bean
    Routes historyRoutes(ShowAccountAsOf accounts, ShowBoardAsOf boards, ShowThreadAsOf threads, Authentication auth) {
        return new HistoryRoutes(accounts, boards, threads, auth);
    }
}
