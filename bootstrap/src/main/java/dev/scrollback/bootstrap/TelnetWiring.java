package dev.scrollback.bootstrap;

import dev.scrollback.adapters.telnet.TelnetServer;
import dev.scrollback.adapters.telnet.TelnetSettings;
import dev.scrollback.adapters.telnet.terminal.BbsSettings;
import dev.scrollback.adapters.telnet.terminal.BbsTerminals;
import dev.scrollback.application.accounts.LogInCaller;
import dev.scrollback.application.accounts.LogOut;
import dev.scrollback.application.accounts.RegisterCaller;
import dev.scrollback.application.accounts.ResendVerification;
import dev.scrollback.application.accounts.ShowProfile;
import dev.scrollback.application.accounts.VerifyEmail;
import dev.scrollback.application.accounts.WelcomeCaller;
import dev.scrollback.application.plugins.RunPluginCommands;
import dev.scrollback.application.accounts.ChangePassword;
import dev.scrollback.application.accounts.CompletePasswordReset;
import dev.scrollback.application.accounts.RequestPasswordReset;
import dev.scrollback.application.presence.WhoIsOnline;
import dev.scrollback.adapters.telnet.chat.ChatScreen;
import dev.scrollback.adapters.telnet.plugins.PluginsScreen;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.PluginStatistics;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.chat.CreateChatRoom;
import dev.scrollback.application.chat.InviteToChatRoom;
import dev.scrollback.application.chat.JoinChatRoom;
import dev.scrollback.application.chat.KickFromChatRoom;
import dev.scrollback.application.chat.LeaveChatRoom;
import dev.scrollback.application.chat.ListChatRooms;
import dev.scrollback.application.chat.MuteInChatRoom;
import dev.scrollback.application.chat.SendChatMessage;
import dev.scrollback.application.chat.SendPage;
import dev.scrollback.application.live.LiveHub;
import dev.scrollback.application.sessions.SessionActivity;
import dev.scrollback.application.sessions.EndSession;
import dev.scrollback.application.sessions.SessionTerminations;
import dev.scrollback.application.shared.RateLimiter;
import dev.scrollback.application.terminal.Terminals;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The terminal side: the session engine behind the {@link Terminals} port, and the telnet listener that feeds it.
 * The web terminal will take the same {@code Terminals} bean, so both channels run one engine.
 */
@Configuration(proxyBeanMethods = false)
class TelnetWiring {

    @Bean
    Terminals terminals(RegisterCaller register, VerifyEmail verify, ResendVerification resend, LogInCaller logIn,
                        LogOut logOut, EndSession endSession, WhoIsOnline whoIsOnline, ShowProfile showProfile,
                        Settings settings, Clock clock, SessionTerminations terminations, ChangePassword changePassword,
                        RequestPasswordReset requestReset, CompletePasswordReset completeReset,
                        dev.scrollback.adapters.telnet.mail.MailScreen mailScreen,
                        dev.scrollback.adapters.telnet.boards.BoardsScreen boardsScreen, SessionActivity activity,
                        LiveHub liveHub, ChatScreen chatScreen, WelcomeCaller welcome, RunPluginCommands pluginCommands,
                        PluginsScreen pluginsScreen, dev.scrollback.application.accounts.EraseAccount eraseAccount) {
        return new BbsTerminals(register, verify, resend, logIn, logOut, endSession, whoIsOnline, Optional.of(showProfile),
                new BbsSettings(settings.bbsName(), settings.loginTimeout(), settings.idleTimeout(), clock))
                .tellingSessionsEndedElsewhere(terminations)
                .withSettings(changePassword, eraseAccount)
                .withMail(mailScreen)
                .withBoards(boardsScreen)
                .withPasswordReset(requestReset, completeReset)
                .withPresence(activity)
                .withNotices(liveHub)
                .withChat(chatScreen)
                .withPlugins(welcome, pluginCommands)
                .withPluginAdmin(pluginsScreen);
    }

    /** The sysops' plugin registry on the terminal, over the in-ports the admin REST API uses (issue 6 item 5). */
    @Bean
    PluginsScreen telnetPluginsScreen(ListPlugins list, ReviewPlugins review, ManagePlugins manage,
                                      PluginStatistics statistics) {
        return new PluginsScreen(list, review, manage, statistics);
    }

    @Bean
    ChatScreen telnetChatScreen(ListChatRooms list, JoinChatRoom join, LeaveChatRoom leave, SendChatMessage send,
                                CreateChatRoom create, InviteToChatRoom invite, KickFromChatRoom kick, MuteInChatRoom mute,
                                SendPage page, LiveHub hub) {
        return new ChatScreen(list, join, leave, send, create, invite, kick, mute, page, new LiveRoomWatch(hub));
    }

    @Bean
    /** Connections per address are limited (10 a minute, then a 5-minute ban), counted by the shared rate limiter. */
    TelnetServer telnetServer(Settings settings, Terminals terminals, RateLimiter limiter, Clock clock) {
        var telnet = new TelnetSettings(settings.telnetHost(), settings.telnetPort(), settings.maxTelnetSessions(),
                Duration.ofSeconds(1)).withConnectionLimit(TelnetSettings.CONNECTIONS_PER_ADDRESS, TelnetSettings.BAN, clock);
        return new TelnetServer(telnet, terminals, limiter);
    }
}
