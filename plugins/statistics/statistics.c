/*
 * statistics: counts what is posted, and says so when asked.
 *
 *   on_message_post   input: {"place":"board"|"chat", ...} (the BBS's JSON). Adds one to the board or the chat
 *                     counter, kept in vars as 8-byte little-endian numbers ("board", "chat"). No output.
 *   handle_command    input: anything (ignored). Output: "Messages posted since the plugin was enabled: N on the
 *                     boards, M in chat."
 *   render_menu_item  output: "Board statistics", the label of the main menu entry that runs the command.
 *
 * The input is only searched for the place's kind, so no JSON parser is needed: the BBS writes "place" first.
 */
#include "plugin-kit.h"

#define MAX_INPUT 65536

static uint8_t input[64];
static uint8_t line[160];

/* A counter's value; absent is 0. */
static uint64_t counter(const char *name) {
    bool found;
    return kit_var_u64(name, &found);
}

static bool starts_with(const uint8_t *s, uint32_t n, const char *prefix) {
    uint32_t i = 0;
    for (; prefix[i] != 0; i++) {
        if (i >= n || s[i] != (uint8_t)prefix[i]) return false;
    }
    return true;
}

int32_t on_message_post(void) {
    uint64_t length = xt_input_length();
    if (length > MAX_INPUT) return kit_fail("statistics: the input is larger than expected");
    uint32_t n = length < sizeof input ? (uint32_t)length : (uint32_t)sizeof input;
    kit_input_load(input, n);
    const char *kind = starts_with(input, n, "{\"place\":\"chat\"") ? "chat"
            : starts_with(input, n, "{\"place\":\"board\"") ? "board" : 0;
    if (kind == 0) return kit_fail("statistics: the input does not start with {\"place\":...}");
    kit_set_var_u64(kind, counter(kind) + 1);
    return XT_OK;
}

int32_t handle_command(void) {
    kit_text out = {line, 0, sizeof line, false};
    kit_put(&out, "Messages posted since the plugin was enabled: ");
    kit_put_int(&out, (int64_t)counter("board"));
    kit_put(&out, " on the boards, ");
    kit_put_int(&out, (int64_t)counter("chat"));
    kit_put(&out, " in chat.");
    return kit_output(out.data, out.length);
}

int32_t render_menu_item(void) {
    static const char label[] = "Board statistics";
    return kit_output((const uint8_t *)label, sizeof label - 1);
}
