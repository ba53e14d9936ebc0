/*
 * auto-responder: answers a few words said in public chat rooms, as itself, through the BBS's own host functions.
 *
 *   on_message_post   input: {"place":"chat"|"board","place_id":"…","place_name":"…","author":"…","text":"…"}
 *                     (the BBS writes the keys in this order). In chat, a line that is
 *                       !help             answers what it understands
 *                       !hello            answers "Hello, <author>!"
 *                       !whois <handle>   answers the handle's roles and since when they call (read_user)
 *                     is answered in the same room with post_message; anything else, and anything on a board, is left
 *                     alone. No output. A refused post (a private room, too many lines) is logged, not failed.
 *
 * The BBS never tells a plugin about a plugin's own lines, so the responder cannot answer itself.
 */
#include "plugin-kit.h"
#include "scrollback-host.h"

#define MAX_INPUT 8192

static uint8_t input[MAX_INPUT];
static uint8_t room[256];
static uint8_t author[128];
static uint8_t text[1024];
static uint8_t answer[512];
static uint8_t request[1024];
static uint8_t reply[512];
static uint8_t note[256];

static uint32_t hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

static void put_utf8(kit_text *t, uint32_t code) {
    if (code < 0x80) {
        kit_put_byte(t, (uint8_t)code);
    } else if (code < 0x800) {
        kit_put_byte(t, (uint8_t)(0xC0 | (code >> 6)));
        kit_put_byte(t, (uint8_t)(0x80 | (code & 0x3F)));
    } else {
        kit_put_byte(t, (uint8_t)(0xE0 | (code >> 12)));
        kit_put_byte(t, (uint8_t)(0x80 | ((code >> 6) & 0x3F)));
        kit_put_byte(t, (uint8_t)(0x80 | (code & 0x3F)));
    }
}

/*
 * The string value of "key" in the JSON object s (n bytes), decoded into out; false when the key is absent or its value
 * is not a string. Enough JSON for the BBS's flat objects: the key is found as "key":" and the value read to its
 * closing quote, escapes decoded (a surrogate pair becomes '?', the BBS never needs one in a handle or room name).
 */
static bool json_string(const uint8_t *s, uint32_t n, const char *key, kit_text *out) {
    uint32_t k = (uint32_t)kit_strlen(key);
    for (uint32_t i = 0; i + k + 4 <= n; i++) {
        if (s[i] != '"') continue;
        bool match = true;
        for (uint32_t j = 0; j < k && match; j++) match = s[i + 1 + j] == (uint8_t)key[j];
        if (!match || s[i + 1 + k] != '"' || s[i + 2 + k] != ':' || s[i + 3 + k] != '"') continue;
        for (uint32_t p = i + 4 + k; p < n; p++) {
            uint8_t c = s[p];
            if (c == '"') return true;
            if (c != '\\') {
                kit_put_byte(out, c);
                continue;
            }
            if (++p >= n) return false;
            switch (s[p]) {
                case 'n': kit_put_byte(out, '\n'); break;
                case 't': kit_put_byte(out, '\t'); break;
                case 'r': kit_put_byte(out, '\r'); break;
                case 'b': kit_put_byte(out, '\b'); break;
                case 'f': kit_put_byte(out, '\f'); break;
                case 'u': {
                    if (p + 4 >= n) return false;
                    uint32_t code = 0;
                    for (int d = 1; d <= 4; d++) code = code * 16 + hex_value(s[p + d]);
                    p += 4;
                    put_utf8(out, code >= 0xD800 && code <= 0xDFFF ? '?' : code);
                    break;
                }
                default: kit_put_byte(out, s[p]); break;   /* \" \\ \/ */
            }
        }
        return false;
    }
    return false;
}

static bool is(const kit_text *t, const char *word) {
    uint32_t n = (uint32_t)kit_strlen(word);
    if (t->length != n) return false;
    for (uint32_t i = 0; i < n; i++) if (t->data[i] != (uint8_t)word[i]) return false;
    return true;
}

static bool starts(const kit_text *t, const char *prefix) {
    uint32_t n = (uint32_t)kit_strlen(prefix);
    if (t->length < n) return false;
    for (uint32_t i = 0; i < n; i++) if (t->data[i] != (uint8_t)prefix[i]) return false;
    return true;
}

static void put_bytes(kit_text *t, const kit_text *from) {
    for (uint32_t i = 0; i < from->length; i++) kit_put_byte(t, from->data[i]);
}

/* Copies a reply block into out (at most its capacity). */
static void load_block(xt_handle handle, kit_text *out) {
    uint64_t length = xt_length(handle);
    uint32_t n = length < out->capacity ? (uint32_t)length : out->capacity;
    kit_load(handle, out->data, n);
    out->length = n;
}

/* Says line in the room with post_message; a refusal is logged with the BBS's reason. */
static void say(const kit_text *in_room, const kit_text *line) {
    kit_text r = {request, 0, sizeof request, false};
    kit_put(&r, "{\"room\":\"");
    kit_put_json_string(&r, in_room->data, in_room->length);
    kit_put(&r, "\",\"text\":\"");
    kit_put_json_string(&r, line->data, line->length);
    kit_put(&r, "\"}");
    if (r.overflowed) return;
    xt_handle block = kit_block(r.data, r.length);
    if (block == 0) return;
    xt_handle answered = bbs_post_message(block);
    xt_free(block);
    if (answered == 0) return;
    kit_text got = {reply, 0, sizeof reply, false};
    load_block(answered, &got);
    xt_free(answered);
    if (!starts(&got, "{\"posted\":true")) {
        kit_text log = {note, 0, sizeof note, false};
        kit_put(&log, "auto-responder: not posted: ");
        put_bytes(&log, &got);
        kit_log_info(&log);
    }
}

/* "Alice: member, sysop; calling since 2026-11-24", or that no one is called so. */
static void whois(const uint8_t *handle, uint32_t n, kit_text *out) {
    xt_handle block = n == 0 ? 0 : kit_block(handle, n);
    xt_handle found = block == 0 ? 0 : bbs_read_user(block);
    if (block != 0) xt_free(block);
    if (found == 0) {
        kit_put(out, "No one here is called ");
        for (uint32_t i = 0; i < n; i++) kit_put_byte(out, handle[i]);
        kit_put(out, ".");
        return;
    }
    kit_text user = {reply, 0, sizeof reply, false};
    load_block(found, &user);
    xt_free(found);
    uint8_t name[64];
    uint8_t since[64];
    kit_text who = {name, 0, sizeof name, false};
    kit_text when = {since, 0, sizeof since, false};
    json_string(user.data, user.length, "handle", &who);
    json_string(user.data, user.length, "member_since", &when);
    put_bytes(out, &who);
    kit_put(out, ": ");
    /* the roles: the strings between "roles":[ and ], quotes dropped */
    static const char roles_key[] = "\"roles\":[";
    kit_text key = {(uint8_t *)roles_key, sizeof roles_key - 1, sizeof roles_key - 1, false};
    for (uint32_t i = 0; i + key.length <= user.length; i++) {
        bool match = true;
        for (uint32_t j = 0; j < key.length && match; j++) match = user.data[i + j] == key.data[j];
        if (!match) continue;
        for (uint32_t p = i + key.length; p < user.length && user.data[p] != ']'; p++) {
            if (user.data[p] == '"') continue;
            kit_put_byte(out, user.data[p] == ',' ? ',' : user.data[p]);
            if (user.data[p] == ',') kit_put_byte(out, ' ');
        }
        break;
    }
    kit_put(out, "; calling since ");
    when.length = when.length > 10 ? 10 : when.length;   /* the date of the ISO time */
    put_bytes(out, &when);
}

int32_t on_message_post(void) {
    uint64_t length = xt_input_length();
    if (length > MAX_INPUT) return kit_fail("auto-responder: the input is larger than its manifest allows");
    uint32_t n = (uint32_t)length;
    kit_input_load(input, n);

    uint8_t place_bytes[16];
    kit_text place = {place_bytes, 0, sizeof place_bytes, false};
    if (!json_string(input, n, "place", &place) || !is(&place, "chat")) return XT_OK;   /* boards: not ours */
    kit_text in_room = {room, 0, sizeof room, false};
    kit_text who = {author, 0, sizeof author, false};
    kit_text said = {text, 0, sizeof text, false};
    if (!json_string(input, n, "place_name", &in_room) || !json_string(input, n, "author", &who)
            || !json_string(input, n, "text", &said)) {
        return kit_fail("auto-responder: the input lacks place_name, author or text");
    }

    kit_text out = {answer, 0, sizeof answer, false};
    if (is(&said, "!help")) {
        kit_put(&out, "I answer !hello and !whois <handle>.");
    } else if (is(&said, "!hello")) {
        kit_put(&out, "Hello, ");
        put_bytes(&out, &who);
        kit_put(&out, "!");
    } else if (starts(&said, "!whois ")) {
        uint32_t from = 7;
        while (from < said.length && said.data[from] == ' ') from++;
        whois(said.data + from, said.length - from, &out);
    } else {
        return XT_OK;
    }
    if (!out.overflowed) say(&in_room, &out);
    return XT_OK;
}
