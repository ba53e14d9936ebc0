package dev.scrollback.application.chat;

import dev.scrollback.application.shared.StreamId;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.RoomName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where the chat capability keeps its streams. */
public final class ChatStreams {
    private ChatStreams() {}

    public static StreamId room(ChatRoomId room) {
        return StreamId.of("chatroom", room);
    }

    /** The stream that claims a room name: its key's SHA-256 (names may hold spaces and any script). */
    public static StreamId roomName(RoomName name) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(name.key().getBytes(StandardCharsets.UTF_8));
            return StreamId.of("chatroomname", HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static StreamId page(PageId page) {
        return StreamId.of("page", page);
    }
}
