package dev.scrollback.bootstrap;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.chat.ChatRoutes;
import dev.scrollback.adapters.web.chat.PageRoutes;
import dev.scrollback.application.chat.CreateChatRoom;
import dev.scrollback.application.chat.InviteToChatRoom;
import dev.scrollback.application.chat.JoinChatRoom;
import dev.scrollback.application.chat.KickFromChatRoom;
import dev.scrollback.application.chat.LeaveChatRoom;
import dev.scrollback.application.chat.ListChatRooms;
import dev.scrollback.application.chat.MuteInChatRoom;
import dev.scrollback.application.chat.SendChatMessage;
import dev.scrollback.application.chat.SendPage;
import dev.scrollback.application.chat.ShowChatRoom;
import dev.scrollback.application.chat.UnmuteInChatRoom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chat rooms and pages (issue 5, item 1) over REST. The use cases and the {@code ChatRooms} projection are scanned from
 * the application; the projection is fed in {@link CoreWiring}. Live delivery and the telnet chat screen are wired
 * where those are.
 */
@Configuration(proxyBeanMethods = false)
class ChatWiring {

    @Bean
    Routes chatRoutes(CreateChatRoom create, ListChatRooms list, ShowChatRoom show, JoinChatRoom join, LeaveChatRoom leave,
                      SendChatMessage send, InviteToChatRoom invite, KickFromChatRoom kick, MuteInChatRoom mute,
                      UnmuteInChatRoom unmute, Authentication auth) {
        return new ChatRoutes(create, list, show, join, leave, send, invite, kick, mute, unmute, auth);
    }

    @Bean
    Routes pageRoutes(SendPage sendPage, Authentication auth) {
        return new PageRoutes(sendPage, auth);
    }
}
