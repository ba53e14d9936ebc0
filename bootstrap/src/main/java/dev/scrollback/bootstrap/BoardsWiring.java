package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.boards.BoardRoutes;
import dev.scrollback.adapters.web.boards.SearchRoutes;
import dev.scrollback.application.boards.CreateBoard;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.ListThreads;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.application.boards.SearchMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Message boards (issue 4) over REST. The use cases and the {@code Boards} projection are scanned from the application;
 * the projection is fed in {@link CoreWiring}.
 */
@Configuration(proxyBeanMethods = false)
class BoardsWiring {

    @Bean
    Routes boardRoutes(CreateBoard createBoard, ListBoards listBoards, ListThreads listThreads, ReadThread readThread,
                       PostMessage postMessage, EditMessage editMessage, ModerateThread moderateThread, NewScan newScan,
                       Authentication auth) {
        return new BoardRoutes(createBoard, listBoards, listThreads, readThread, postMessage, editMessage, moderateThread,
                newScan, auth);
    }

    @Bean
    Routes searchRoutes(SearchMessages search, Authentication auth) {
        return new SearchRoutes(search, auth);
    }
}
