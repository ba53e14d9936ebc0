package dev.scrollback.bootstrap;

import dev.scrollback.adapters.telnet.boards.BoardsScreen;
import dev.scrollback.application.boards.EditMessage;
import dev.scrollback.application.boards.ListBoards;
import dev.scrollback.application.boards.ListThreads;
import dev.scrollback.application.boards.ModerateThread;
import dev.scrollback.application.boards.NewScan;
import dev.scrollback.application.boards.PostMessage;
import dev.scrollback.application.boards.ReadThread;
import dev.scrollback.application.boards.SearchMessages;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The terminal's message boards (issue 4, items 1 and 3): the boards screen over the same in-ports the web and REST
 * use; {@link TelnetWiring} adds it to the main menu.
 */
@Configuration(proxyBeanMethods = false)
class BoardsTelnetWiring {

    @Bean
    BoardsScreen boardsScreen(ListBoards listBoards, ListThreads listThreads, ReadThread readThread, PostMessage postMessage,
                              EditMessage editMessage, ModerateThread moderateThread, NewScan newScan, SearchMessages search,
                              Clock clock) {
        return new BoardsScreen(listBoards, listThreads, readThread, postMessage, editMessage, moderateThread, newScan, clock)
                .withSearch(search);
    }
}
