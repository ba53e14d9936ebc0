/*
 * spam-filter: the filter_message_content hook. Input: the message text (UTF-8). Output: one JSON object,
 *   {"verdict":"accept"}
 *   {"verdict":"reject","reason":"..."}     too long, not UTF-8, or more links than allowed
 *   {"verdict":"rewrite","text":"..."}      blocked words replaced by asterisks of the same length
 * Deterministic: the same message and config give the same answer on every host.
 * Config (optional): max_links, a whole number from 0 to 1000 (default 2); anything else fails the call.
 */
#include "../plugin-kit.h"

#define MAX_MESSAGE 16384
#define DEFAULT_MAX_LINKS 2
#define MAX_CONFIG_VALUE 16

static uint8_t message[MAX_MESSAGE];
/* Worst case: every byte a control character escaped as \u00XX, plus the JSON around it. */
static uint8_t answer[6 * MAX_MESSAGE + 64];
static uint8_t note[128];

static const char *const blocked_words[] = {"spam", "scam", "viagra", "casino"};

static uint8_t lower(uint8_t c) {
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* Word characters: ASCII letters, digits, '_' and every byte of a non-ASCII character (so "spamé" is one word). */
static bool word_byte(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static bool space_byte(uint8_t c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

/* Whether the ASCII word w starts at text[at], ignoring case. */
static bool starts_with(const uint8_t *text, uint32_t n, uint32_t at, const char *w) {
    uint32_t i = 0;
    for (; w[i] != 0; i++) {
        if (at + i >= n || lower(text[at + i]) != (uint8_t)w[i]) return false;
    }
    return true;
}

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static bool valid_utf8(const uint8_t *s, uint32_t n) {
    uint32_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        uint32_t extra;
        uint32_t point;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            point = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            point = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            point = c & 0x07;
        } else {
            return false;
        }
        if (extra > n - 1 - i) return false;   /* cut short at the end */
        for (uint32_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            point = (point << 6) | (s[i + k] & 0x3F);
        }
        if ((extra == 2 && point < 0x800) || (extra == 3 && point < 0x10000)) return false;
        if ((point >= 0xD800 && point <= 0xDFFF) || point > 0x10FFFF) return false;
        i += extra + 1;
    }
    return true;
}

/* Links: each whitespace-separated stretch from an http://, https:// or www. marker counts once. */
static uint32_t count_links(const uint8_t *s, uint32_t n) {
    uint32_t links = 0;
    uint32_t i = 0;
    while (i < n) {
        if (starts_with(s, n, i, "http://") || starts_with(s, n, i, "https://") || starts_with(s, n, i, "www.")) {
            links++;
            while (i < n && !space_byte(s[i])) i++;
        } else {
            i++;
        }
    }
    return links;
}

/* Replaces whole blocked words (ASCII, any case) by asterisks in place; returns how many were replaced. */
static uint32_t mask_blocked_words(uint8_t *s, uint32_t n) {
    uint32_t masked = 0;
    uint32_t i = 0;
    while (i < n) {
        if (!word_byte(s[i])) {
            i++;
            continue;
        }
        uint32_t end = i;
        while (end < n && word_byte(s[end])) end++;
        for (uint32_t w = 0; w < sizeof blocked_words / sizeof blocked_words[0]; w++) {
            if (end - i == kit_strlen(blocked_words[w]) && starts_with(s, n, i, blocked_words[w])) {
                for (uint32_t k = i; k < end; k++) s[k] = '*';
                masked++;
                break;
            }
        }
        i = end;
    }
    return masked;
}

/* max_links from the config: the default when absent, -1 when it is not a number from 0 to 1000. */
static int32_t configured_max_links(void) {
    xt_handle key = kit_text_block("max_links");
    if (key == 0) return -1;
    xt_handle value = xt_config_get(key);
    xt_free(key);
    if (value == 0) return DEFAULT_MAX_LINKS;
    uint64_t length = xt_length(value);
    if (length == 0 || length > MAX_CONFIG_VALUE) return -1;
    uint8_t digits[MAX_CONFIG_VALUE];
    kit_load(value, digits, length);
    xt_free(value);
    int32_t number = 0;
    for (uint64_t i = 0; i < length; i++) {
        if (digits[i] < '0' || digits[i] > '9') return -1;
        number = number * 10 + (digits[i] - '0');
        if (number > 1000) return -1;
    }
    return number;
}

/* Rejects with reason (JSON-escaped into the answer) and logs what was found. */
static int32_t answer_reject(const kit_text *reason) {
    kit_text log = {note, 0, sizeof note, false};
    kit_put(&log, "spam-filter: reject, ");
    for (uint32_t i = 0; i < reason->length; i++) kit_put_byte(&log, reason->data[i]);
    kit_log_info(&log);
    kit_text out = {answer, 0, sizeof answer, false};
    kit_put(&out, "{\"verdict\":\"reject\",\"reason\":\"");
    kit_put_json_string(&out, reason->data, reason->length);
    kit_put(&out, "\"}");
    return kit_output(out.data, out.length);
}

int32_t filter_message_content(void) {
    int32_t max_links = configured_max_links();
    if (max_links < 0) return kit_fail("spam-filter: config max_links must be a whole number from 0 to 1000");

    static uint8_t reason_bytes[96];
    kit_text reason = {reason_bytes, 0, sizeof reason_bytes, false};
    uint64_t length = xt_input_length();
    if (length > MAX_MESSAGE) {   /* refused unread */
        kit_put(&reason, "the message is longer than 16384 bytes");
        return answer_reject(&reason);
    }
    uint32_t n = (uint32_t)length;
    kit_input_load(message, n);
    if (!valid_utf8(message, n)) {
        kit_put(&reason, "the message is not valid UTF-8");
        return answer_reject(&reason);
    }
    uint32_t links = count_links(message, n);
    if (links > (uint32_t)max_links) {
        kit_put(&reason, "too many links (");
        kit_put_int(&reason, links);
        kit_put(&reason, "; at most ");
        kit_put_int(&reason, max_links);
        kit_put(&reason, ")");
        return answer_reject(&reason);
    }

    uint32_t masked = mask_blocked_words(message, n);
    kit_text log = {note, 0, sizeof note, false};
    kit_text out = {answer, 0, sizeof answer, false};
    if (masked == 0) {
        kit_put(&log, "spam-filter: accept, bytes: ");
        kit_put_int(&log, n);
        kit_log_info(&log);
        kit_put(&out, "{\"verdict\":\"accept\"}");
    } else {
        kit_put(&log, "spam-filter: rewrite, words: ");
        kit_put_int(&log, masked);
        kit_log_info(&log);
        kit_put(&out, "{\"verdict\":\"rewrite\",\"text\":\"");
        kit_put_json_string(&out, message, n);
        kit_put(&out, "\"}");
    }
    if (out.overflowed) return kit_fail("spam-filter: the answer does not fit its buffer");
    return kit_output(out.data, out.length);
}
