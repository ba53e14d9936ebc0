// Runs plugins under Extism's official JS host (@extism/extism) for ConformanceTest, which runs the same calls
// under our host and compares. Reads one JSON request on stdin and writes one JSON answer on stdout:
//   {"runs": [{"wasm": "/path/plugin.wasm", "config": {"k": "v"},
//              "calls": [{"function": "hook", "input": "<base64>"}, ...],
//              "host": {"posted": "...", "refused_rooms": {"room": "..."}, "users": {"handle": "..."}}}]}
//   {"runs": [[{"outcome": "returned", "output": "<base64>", "logs": [{"level": "info", "text": "..."}],
//               "host_calls": [{"function": "post_message", "request": "..."}]}
//             | {"outcome": "failed", "message": "...", "logs": [...], "host_calls": [...]}   (the plugin called error_set)
//             | {"outcome": "faulted", "message": "...", "logs": [...], "host_calls": [...]}]]}
//                                                                       (anything else the host threw)
// One plugin instance per run, its calls made in order (any of its exports, one after another), so vars carry over
// from call to call, and from one hook to another, as in our host.
//
// A run with "host" gets the BBS's own host functions, scripted (ScriptedHost.java answers alike on our host), in
// extism:host/user, where Extism PDKs import user functions:
//   post_message(request block) -> the refused_rooms answer for the request's "room", else "posted"
//   read_user(handle block)     -> the users answer for the handle, else 0 (no such user)
// Every request is recorded, as text, in the call's host_calls. A run without "host" offers no such functions.
import { readFileSync } from 'node:fs';
import createPlugin from '@extism/extism';

const PLUGIN_ERROR = 'Plugin-originated error: ';

function collectingLogger(lines) {
  const at = (level) => (...parts) => lines.push({ level, text: parts.map(String).join(' ') });
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), log: at('info') };
}

// The room a post_message request names, or null when it is not a JSON object with a string "room".
function roomOf(request) {
  try {
    const room = JSON.parse(request)?.room;
    return typeof room === 'string' ? room : null;
  } catch {
    return null;
  }
}

// Own-property lookup: a room or handle named "constructor" or "__proto__" is not in the script.
function answerIn(table, key) {
  return key !== null && Object.hasOwn(table, key) ? table[key] : null;
}

// A reply in a fresh block; an empty one is 0, as on our host, where alloc(0) is 0.
function stored(ctx, reply) {
  return reply === '' ? 0n : ctx.store(reply);
}

function scriptedFunctions(host, hostCalls) {
  const request = (ctx, handle, fn) => {
    const block = ctx.read(handle);
    if (block === null) throw new Error(`${fn}: no block at ${handle}`);
    const text = block.text();
    hostCalls.push({ function: fn, request: text });
    return text;
  };
  return {
    'extism:host/user': {
      post_message(ctx, handle) {
        const text = request(ctx, handle, 'post_message');
        return stored(ctx, answerIn(host.refused_rooms ?? {}, roomOf(text)) ?? host.posted);
      },
      read_user(ctx, handle) {
        const user = answerIn(host.users ?? {}, request(ctx, handle, 'read_user'));
        return user === null ? 0n : stored(ctx, user);
      },
    },
  };
}

async function run({ wasm, config, calls, host }) {
  const logs = [];
  const hostCalls = [];
  const plugin = await createPlugin(
    { wasm: [{ data: new Uint8Array(readFileSync(wasm)) }] },
    {
      useWasi: false,
      config: config ?? {},
      logger: collectingLogger(logs),
      ...(host ? { functions: scriptedFunctions(host, hostCalls) } : {}),
    },
  );
  const results = [];
  try {
    for (const { function: name, input: encoded } of calls) {
      logs.length = 0;
      hostCalls.length = 0;
      // A fresh Uint8Array of exactly the input: the host would take a pooled Buffer's whole backing ArrayBuffer.
      const input = new Uint8Array(Buffer.from(encoded, 'base64'));
      const seen = () => ({ logs: [...logs], host_calls: [...hostCalls] });
      try {
        const output = await plugin.call(name, input);
        const bytes = output === null ? new Uint8Array(0) : output.bytes();   // null: no output_set
        results.push({ outcome: 'returned', output: Buffer.from(bytes).toString('base64'), ...seen() });
      } catch (e) {
        const message = String(e?.message ?? e);
        results.push(message.startsWith(PLUGIN_ERROR)
          ? { outcome: 'failed', message: message.slice(PLUGIN_ERROR.length), ...seen() }
          : { outcome: 'faulted', message, ...seen() });
      }
    }
  } finally {
    await plugin.close();
  }
  return results;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const runs = [];
for (const r of request.runs) runs.push(await run(r));
process.stdout.write(JSON.stringify({ runs }));
