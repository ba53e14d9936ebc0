package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.scrollback.domain.accounts.ApiKeyHash;
import dev.scrollback.domain.accounts.ApiKeyId;
import dev.scrollback.domain.accounts.ApiKeyName;
import dev.scrollback.domain.accounts.EmailAddress;
import dev.scrollback.domain.accounts.LockNote;
import dev.scrollback.domain.accounts.PasswordHash;
import dev.scrollback.domain.accounts.Scope;
import dev.scrollback.domain.accounts.SigningKeyId;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.BoardName;
import dev.scrollback.domain.boards.ConferenceName;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import dev.scrollback.domain.chat.ChatRoomId;
import dev.scrollback.domain.chat.ChatText;
import dev.scrollback.domain.chat.ChatTopic;
import dev.scrollback.domain.chat.PageId;
import dev.scrollback.domain.chat.PageText;
import dev.scrollback.domain.chat.RoomName;
import dev.scrollback.domain.mail.MailBody;
import dev.scrollback.domain.mail.MailSubject;
import dev.scrollback.domain.mail.PrivateMessageId;
import dev.scrollback.domain.plugins.CronSchedule;
import dev.scrollback.domain.plugins.EntryPoint;
import dev.scrollback.domain.plugins.EventTypeName;
import dev.scrollback.domain.plugins.HostName;
import dev.scrollback.domain.plugins.LicenseId;
import dev.scrollback.domain.plugins.PackageSha256;
import dev.scrollback.domain.plugins.PluginAuthor;
import dev.scrollback.domain.plugins.PluginDescription;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.plugins.PluginVersion;
import dev.scrollback.domain.plugins.PublisherKeyId;
import dev.scrollback.domain.plugins.VersionRange;
import dev.scrollback.domain.shared.AccountId;
import dev.scrollback.domain.shared.Erasure;
import dev.scrollback.domain.shared.Handle;
import dev.scrollback.domain.shared.PluginName;
import dev.scrollback.domain.shared.RemoteAddress;
import dev.scrollback.domain.shared.SessionId;
import dev.scrollback.domain.webhooks.WebhookDescription;
import dev.scrollback.domain.webhooks.WebhookId;
import java.io.IOException;
import java.util.function.Function;

/**
 * How the domain's value objects look in stored JSON, so that domain records need no annotations (SPEC §3): ids and
 * handles as plain strings, a password hash as its encoded string.
 *
 * <p>Personal data (an {@link EmailAddress}, a {@link RemoteAddress}) is written as {@code {"personal": "<value>"}}
 * and never as a bare string. The wrapper marks every personal field in every stored payload the same way, whatever
 * the event, so the later crypto-shredding step can find those fields generically and replace the value in place with
 * ciphertext under the account's key (for example {@code {"personal": {"key": ..., "ciphertext": ...}}}) without
 * knowing any event type, and erasing an account then only destroys its key.
 */
final class ValueObjectJson extends SimpleModule {
    static final String PERSONAL = "personal";

    ValueObjectJson() {
        super("scrollback-value-objects");
        plain(Handle.class, Handle::value, Handle::new);
        plain(AccountId.class, AccountId::toString, AccountId::parse);
        plain(SessionId.class, SessionId::toString, SessionId::parse);
        plain(PasswordHash.class, PasswordHash::value, PasswordHash::new);
        plain(ApiKeyId.class, id -> id.value().toString(), ApiKeyId::parse);
        plain(ApiKeyName.class, ApiKeyName::value, ApiKeyName::new);
        plain(ApiKeyHash.class, ApiKeyHash::sha256, ApiKeyHash::new);
        plain(Scope.class, Scope::wireName, Scope::parse);
        plain(LockNote.class, LockNote::value, LockNote::new);
        plain(SigningKeyId.class, SigningKeyId::value, SigningKeyId::new);
        plain(BoardId.class, Object::toString, BoardId::parse);
        plain(ThreadId.class, Object::toString, ThreadId::parse);
        plain(MessageId.class, Object::toString, MessageId::parse);
        plain(BoardName.class, BoardName::value, BoardName::new);
        plain(ConferenceName.class, ConferenceName::value, ConferenceName::new);
        plain(Subject.class, Subject::value, Subject::new);
        plain(PrivateMessageId.class, Object::toString, PrivateMessageId::parse);
        plain(ChatRoomId.class, Object::toString, ChatRoomId::parse);
        plain(PageId.class, Object::toString, PageId::parse);
        plain(RoomName.class, RoomName::value, RoomName::new);
        plain(ChatTopic.class, ChatTopic::value, ChatTopic::new);
        plain(PluginId.class, Object::toString, PluginId::parse);
        plain(PluginName.class, PluginName::value, PluginName::new);
        plain(PluginVersion.class, Object::toString, PluginVersion::parse);
        plain(VersionRange.class, Object::toString, VersionRange::parse);
        plain(PluginDescription.class, PluginDescription::value, PluginDescription::new);
        plain(PluginAuthor.class, PluginAuthor::value, PluginAuthor::new);
        plain(LicenseId.class, LicenseId::value, LicenseId::new);
        plain(EntryPoint.class, EntryPoint::value, EntryPoint::new);
        plain(HostName.class, HostName::value, HostName::new);
        plain(EventTypeName.class, EventTypeName::value, EventTypeName::new);
        plain(CronSchedule.class, CronSchedule::expression, CronSchedule::new);
        plain(PackageSha256.class, PackageSha256::hex, PackageSha256::new);
        plain(PublisherKeyId.class, PublisherKeyId::value, PublisherKeyId::new);
        plain(WebhookId.class, Object::toString, WebhookId::parse);
        plain(WebhookDescription.class, WebhookDescription::value, WebhookDescription::new);
        personal(ChatText.class, ChatText::value, ChatText::new, ChatText.ERASED);
        personal(PageText.class, PageText::value, PageText::new, PageText.ERASED);
        personal(MailSubject.class, MailSubject::value, MailSubject::new, MailSubject.ERASED);
        personal(MailBody.class, MailBody::value, MailBody::new, MailBody.ERASED);
        personal(MessageBody.class, MessageBody::value, MessageBody::new, MessageBody.ERASED);
        personal(EmailAddress.class, EmailAddress::value, EmailAddress::new, EmailAddress.ERASED);
        personal(RemoteAddress.class, RemoteAddress::value, RemoteAddress::new, RemoteAddress.ERASED);
    }

    private <T> void plain(Class<T> type, Function<T, String> write, Function<String, T> read) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                return read.apply(p.getText());
            }
        });
    }

    /** Serialization attribute: the {@link Sealing} to write personal values with (absent: written in the clear). */
    static final String SEALING = "scrollback.sealing";
    /** Deserialization attribute: the {@link PersonalCipher} that opens sealed personal values. */
    static final String OPENING = "scrollback.opening";
    static final String ERASED = "erased";

    /** How to seal the personal values of one event: the cipher and the owner whose key seals them. */
    record Sealing(PersonalCipher cipher, KeyOwner owner) {}

    /**
     * A personal value: sealed under the owner's key when written with a {@link Sealing} ({@code {"personal":{"key",
     * "nonce","ciphertext"}}}), else in the clear ({@code {"personal":"text"}}, as stores before decision 0021 hold);
     * the erased value as {@code {"erased":true}}. Reads all three; a sealed value whose owner is erased reads as the
     * type's erased constant, and one that does not open fails with the reason.
     */
    private <T> void personal(Class<T> type, Function<T, String> write, Function<String, T> read, T erased) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                var text = write.apply(value);
                gen.writeStartObject();
                if (Erasure.is(text)) {
                    gen.writeBooleanField(ERASED, true);
                } else if (!(provider.getAttribute(SEALING) instanceof Sealing sealing)) {
                    gen.writeStringField(PERSONAL, text);
                } else {
                    var sealed = sealing.cipher().seal(sealing.owner(), text);
                    if (sealed.isEmpty()) {
                        gen.writeBooleanField(ERASED, true);            // its owner is erased: nothing to keep
                    } else {
                        gen.writeObjectFieldStart(PERSONAL);
                        for (var field : sealed.get().fields().entrySet()) gen.writeStringField(field.getKey(), field.getValue());
                        gen.writeEndObject();
                    }
                }
                gen.writeEndObject();
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.START_OBJECT) return type.cast(ctxt.handleUnexpectedToken(type, p));
                T value = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    var field = p.currentName();
                    var token = p.nextToken();
                    if (value != null) {
                        return type.cast(ctxt.reportInputMismatch(type, "personal data with more than one value"));
                    } else if (PERSONAL.equals(field) && token == JsonToken.VALUE_STRING) {
                        value = read.apply(p.getText());
                    } else if (PERSONAL.equals(field) && token == JsonToken.START_OBJECT) {
                        var sealed = sealed(p);
                        if (!(ctxt.getAttribute(OPENING) instanceof PersonalCipher cipher)) {
                            return type.cast(ctxt.reportInputMismatch(type, "sealed personal data, but no data keys to open it"));
                        }
                        value = cipher.open(sealed).map(read).orElse(erased);
                    } else if (ERASED.equals(field) && token == JsonToken.VALUE_TRUE) {
                        value = erased;
                    } else {
                        return type.cast(ctxt.reportInputMismatch(type, "unexpected field '%s' in personal data", field));
                    }
                }
                if (value == null) return type.cast(ctxt.reportInputMismatch(type, "personal data without a value"));
                return value;
            }
        });
    }

    /** The fields of a sealed value (the parser is on its opening brace); exactly key, nonce and ciphertext. */
    static PersonalCipher.Sealed sealed(JsonParser p) throws IOException {
        String key = null, nonce = null, ciphertext = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            var field = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) throw new IllegalArgumentException("sealed field '" + field + "' is not a string");
            switch (field) {
                case PersonalCipher.KEY -> key = p.getText();
                case PersonalCipher.NONCE -> nonce = p.getText();
                case PersonalCipher.CIPHERTEXT -> ciphertext = p.getText();
                default -> throw new IllegalArgumentException("unexpected field '" + field + "' in sealed personal data");
            }
        }
        if (key == null || nonce == null || ciphertext == null) {
            throw new IllegalArgumentException("sealed personal data lacks its key, nonce or ciphertext");
        }
        return new PersonalCipher.Sealed(key, nonce, ciphertext);
    }
}
