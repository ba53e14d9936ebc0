/*
 * Small helpers shared by the sample plugins, on top of extism-abi.h: copying bytes between the plugin's memory and
 * the host's kernel memory, and a bounded text buffer. No libc (the plugins are built with -nostdlib), no allocator:
 * every buffer is static and has a fixed size, so a plugin cannot grow past what its manifest declares.
 *
 * Every block a plugin hands the host (output, error, log line, var key or value) is allocated at exactly its
 * length: some hosts (Extism's JS host) use the whole block rather than the length passed to output_set.
 */
#ifndef SCROLLBACK_PLUGIN_KIT_H
#define SCROLLBACK_PLUGIN_KIT_H

#include <stdbool.h>
#include <stdint.h>
#include "extism-abi.h"

/* Copies n bytes of the call's input, from its start, with input_load_* (offsets relative to the input). */
static inline void kit_input_load(uint8_t *dst, uint64_t n) {
    uint64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word = xt_input_load_u64(i);
        for (int b = 0; b < 8; b++) dst[i + b] = (uint8_t)(word >> (8 * b));   /* little-endian, as the ABI */
    }
    for (; i < n; i++) dst[i] = xt_input_load_u8(i);
}

/* Copies n bytes of the kernel block at handle (load_*, handle + offset addressing). */
static inline void kit_load(xt_handle handle, uint8_t *dst, uint64_t n) {
    uint64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word = xt_load_u64(handle + i);
        for (int b = 0; b < 8; b++) dst[i + b] = (uint8_t)(word >> (8 * b));
    }
    for (; i < n; i++) dst[i] = xt_load_u8(handle + i);
}

/* A new kernel block holding n bytes (n > 0), or 0 when the host refuses the allocation. */
static inline xt_handle kit_block(const uint8_t *src, uint64_t n) {
    xt_handle handle = xt_alloc(n);
    if (handle == 0) return 0;
    uint64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t word = 0;
        for (int b = 0; b < 8; b++) word |= (uint64_t)src[i + b] << (8 * b);
        xt_store_u64(handle + i, word);
    }
    for (; i < n; i++) xt_store_u8(handle + i, src[i]);
    return handle;
}

static inline uint64_t kit_strlen(const char *s) {
    uint64_t n = 0;
    while (s[n] != 0) n++;
    return n;
}

static inline xt_handle kit_text_block(const char *text) {
    return kit_block((const uint8_t *)text, kit_strlen(text));
}

/* Fails the call with message (what the caller of the hook sees). */
static inline int32_t kit_fail(const char *message) {
    xt_handle handle = kit_text_block(message);
    if (handle != 0) xt_error_set(handle);
    return XT_FAILED;
}

/* Sets the call's output; n must be > 0 (an empty output is "no output" to some hosts). */
static inline int32_t kit_output(const uint8_t *src, uint64_t n) {
    xt_handle handle = kit_block(src, n);
    if (handle == 0) return kit_fail("the host refused memory for the output");
    xt_output_set(handle, n);
    return XT_OK;
}

/* A bounded text buffer: appends past the capacity are dropped and remembered, never written out of bounds. */
typedef struct {
    uint8_t *data;
    uint32_t length;
    uint32_t capacity;
    bool overflowed;
} kit_text;

static inline void kit_put_byte(kit_text *t, uint8_t byte) {
    if (t->length >= t->capacity) {
        t->overflowed = true;
        return;
    }
    t->data[t->length++] = byte;
}

static inline void kit_put(kit_text *t, const char *s) {
    while (*s != 0) kit_put_byte(t, (uint8_t)*s++);
}

static inline void kit_put_int(kit_text *t, int64_t value) {
    char digits[20];
    int n = 0;
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    if (value < 0) kit_put_byte(t, '-');
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (n > 0) kit_put_byte(t, (uint8_t)digits[--n]);
}

/* Appends bytes as the inside of a JSON string: quotes, backslashes and control characters escaped, UTF-8 as is. */
static inline void kit_put_json_string(kit_text *t, const uint8_t *s, uint32_t n) {
    static const char hex[] = "0123456789abcdef";
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == '"' || c == '\\') {
            kit_put_byte(t, '\\');
            kit_put_byte(t, c);
        } else if (c == '\n') {
            kit_put(t, "\\n");
        } else if (c == '\r') {
            kit_put(t, "\\r");
        } else if (c == '\t') {
            kit_put(t, "\\t");
        } else if (c < 0x20) {
            kit_put(t, "\\u00");
            kit_put_byte(t, (uint8_t)hex[c >> 4]);
            kit_put_byte(t, (uint8_t)hex[c & 15]);
        } else {
            kit_put_byte(t, c);
        }
    }
}

/*
 * A var of 8 bytes as a little-endian number; absent (or not 8 bytes) is 0 with found = false. Needs kv_storage (a
 * plugin that never calls these imports nothing for them). The value block is not freed: one host hands out the var's
 * own block, which freeing would delete.
 */
static inline uint64_t kit_var_u64(const char *name, bool *found) {
    *found = false;
    xt_handle key = kit_text_block(name);
    if (key == 0) return 0;
    xt_handle value = xt_var_get(key);
    xt_free(key);
    if (value == 0 || xt_length(value) != 8) return 0;
    *found = true;
    return xt_load_u64(value);
}

/* Sets a var to 8 bytes, the number little-endian. Nor is the value freed: one host keeps the block itself as the var. */
static inline void kit_set_var_u64(const char *name, uint64_t number) {
    uint8_t bytes[8];
    for (int b = 0; b < 8; b++) bytes[b] = (uint8_t)(number >> (8 * b));
    xt_handle key = kit_text_block(name);
    xt_handle value = kit_block(bytes, 8);
    if (key != 0 && value != 0) xt_var_set(key, value);
    if (key != 0) xt_free(key);
}

/* Logs the text at INFO; a host that refuses the memory just gets no log line. */
static inline void kit_log_info(const kit_text *t) {
    if (t->length == 0) return;
    xt_handle handle = kit_block(t->data, t->length);
    if (handle == 0) return;
    xt_log_info(handle);
    xt_free(handle);
}

#endif
