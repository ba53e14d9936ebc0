/*
 * dice: the handle_command hook, a dice roller. Input: a roll like "3d6+2" ("NdM", "NdM+K" or "NdM-K"; N from 1 to
 * 100 dice, default 1; M from 2 to 1000 sides; K up to 1000), or "help" or nothing for the usage. Output: one line of
 * text, like "3d6+2: [4, 6, 1] +2 = 13 (roll 1)". A roll that cannot be read fails the call with the reason.
 *
 * Deterministic, so that two hosts can be compared: no clock and no host randomness. The generator (splitmix64) is
 * seeded from the text of the first roll and its state kept in the plugin's vars ("rng", and the count in "rolls"),
 * which needs kv_storage in plugin.toml: the same sequence of commands gives the same rolls on every host.
 */
#include "../plugin-kit.h"

#define MAX_COMMAND 64
#define MAX_DICE 100
#define MAX_SIDES 1000
#define MAX_MODIFIER 1000

static uint8_t command[MAX_COMMAND];
static uint8_t line[1024];   /* 100 dice of up to 4 digits and ", ", plus the rest */
static uint8_t note[128];

static const char usage[] = "usage: NdM or NdM+K, like 3d6+2 (1-100 dice, 2-1000 sides, modifier up to 1000)";

typedef struct {
    uint32_t dice;
    uint32_t sides;
    int32_t modifier;
} roll_spec;

/* Reads a decimal number of at most 4 digits at *at; 0 digits or more than 4 are refused. */
static bool read_number(const uint8_t *s, uint32_t n, uint32_t *at, uint32_t *value) {
    uint32_t digits = 0;
    uint32_t number = 0;
    while (*at < n && s[*at] >= '0' && s[*at] <= '9') {
        if (++digits > 4) return false;
        number = number * 10 + (uint32_t)(s[*at] - '0');
        (*at)++;
    }
    *value = number;
    return digits > 0;
}

static void skip_spaces(const uint8_t *s, uint32_t n, uint32_t *at) {
    while (*at < n && (s[*at] == ' ' || s[*at] == '\t')) (*at)++;
}

/* Parses the roll; on failure returns the reason for the caller. */
static const char *parse(const uint8_t *s, uint32_t n, roll_spec *spec) {
    uint32_t at = 0;
    skip_spaces(s, n, &at);
    spec->dice = 1;
    if (at < n && s[at] >= '0' && s[at] <= '9' && !read_number(s, n, &at, &spec->dice)) return "too many dice (at most 100)";
    if (at >= n || (s[at] != 'd' && s[at] != 'D')) return "not a roll; usage: NdM or NdM+K, like 3d6+2";
    at++;
    if (!read_number(s, n, &at, &spec->sides)) {
        return at < n && s[at] >= '0' && s[at] <= '9' ? "dice have 2 to 1000 sides" : "not a roll; usage: NdM or NdM+K, like 3d6+2";
    }
    spec->modifier = 0;
    if (at < n && (s[at] == '+' || s[at] == '-')) {
        bool minus = s[at] == '-';
        at++;
        uint32_t k;
        if (!read_number(s, n, &at, &k) || k > MAX_MODIFIER) return "the modifier is at most 1000";
        spec->modifier = minus ? -(int32_t)k : (int32_t)k;
    }
    skip_spaces(s, n, &at);
    if (at != n) return "not a roll; usage: NdM or NdM+K, like 3d6+2";
    if (spec->dice < 1 || spec->dice > MAX_DICE) return "roll 1 to 100 dice";
    if (spec->sides < 2 || spec->sides > MAX_SIDES) return "dice have 2 to 1000 sides";
    return 0;
}

static uint64_t fnv1a(const uint8_t *s, uint32_t n) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (uint32_t i = 0; i < n; i++) hash = (hash ^ s[i]) * 0x100000001b3ULL;
    return hash;
}

static uint64_t splitmix64(uint64_t *state) {
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* The command, read C-PDK style: from the input's handle with load_* (handle + offset). */
static uint32_t read_command(void) {
    uint32_t n = (uint32_t)xt_input_length();
    if (n > 0) kit_load(xt_input_offset(), command, n);
    return n;
}

int32_t handle_command(void) {
    if (xt_input_length() > MAX_COMMAND) return kit_fail("a roll is at most 64 characters, like 3d6+2");
    uint32_t n = read_command();
    uint32_t start = 0;
    uint32_t end = n;
    while (start < end && (command[start] == ' ' || command[start] == '\t')) start++;
    while (end > start && (command[end - 1] == ' ' || command[end - 1] == '\t')) end--;
    bool help = end == start
            || (end - start == 4 && command[start] == 'h' && command[start + 1] == 'e' && command[start + 2] == 'l'
                && command[start + 3] == 'p');
    if (help) return kit_output((const uint8_t *)usage, sizeof usage - 1);

    roll_spec spec;
    const char *problem = parse(command, n, &spec);
    if (problem != 0) return kit_fail(problem);

    bool seeded;
    uint64_t state = kit_var_u64("rng", &seeded);
    if (!seeded) state = fnv1a(command, n);
    bool counted;
    uint64_t rolls = kit_var_u64("rolls", &counted) + 1;

    kit_text out = {line, 0, sizeof line, false};
    for (uint32_t i = start; i < end; i++) kit_put_byte(&out, command[i]);
    kit_put(&out, ": [");
    int64_t total = spec.modifier;
    for (uint32_t i = 0; i < spec.dice; i++) {
        uint32_t face = (uint32_t)(splitmix64(&state) % spec.sides) + 1;
        total += face;
        if (i > 0) kit_put(&out, ", ");
        kit_put_int(&out, face);
    }
    kit_put(&out, "]");
    if (spec.modifier != 0) {
        kit_put(&out, spec.modifier > 0 ? " +" : " ");
        kit_put_int(&out, spec.modifier);
    }
    kit_put(&out, " = ");
    kit_put_int(&out, total);
    kit_put(&out, " (roll ");
    kit_put_int(&out, (int64_t)rolls);
    kit_put(&out, ")");
    if (out.overflowed) return kit_fail("dice: the answer does not fit its buffer");

    kit_set_var_u64("rng", state);
    kit_set_var_u64("rolls", rolls);
    kit_text log = {note, 0, sizeof note, false};
    kit_put(&log, "dice: roll ");
    kit_put_int(&log, (int64_t)rolls);
    kit_put(&log, " totals ");
    kit_put_int(&log, total);
    kit_log_info(&log);
    return kit_output(out.data, out.length);
}
