// Runs plugins under Extism's official JS host (@extism/extism) for ConformanceTest, which runs the same calls
// under our host and compares. Reads one JSON request on stdin and writes one JSON answer on stdout:
//   {"runs": [{"wasm": "/path/plugin.wasm", "config": {"k": "v"},
//              "calls": [{"function": "hook", "input": "<base64>"}, ...]}]}
//   {"runs": [[{"outcome": "returned", "output": "<base64>", "logs": [{"level": "info", "text": "..."}]}
//             | {"outcome": "failed", "message": "...", "logs": [...]}      (the plugin called error_set)
//             | {"outcome": "faulted", "message": "...", "logs": [...]}]]}  (anything else the host threw)
// One plugin instance per run, its calls made in order (any of its exports, one after another), so vars carry over
// from call to call, and from one hook to another, as in our host.
import { readFileSync } from 'node:fs';
import createPlugin from '@extism/extism';

const PLUGIN_ERROR = 'Plugin-originated error: ';

function collectingLogger(lines) {
  const at = (level) => (...parts) => lines.push({ level, text: parts.map(String).join(' ') });
  return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), log: at('info') };
}

async function run({ wasm, config, calls }) {
  const logs = [];
  const plugin = await createPlugin(
    { wasm: [{ data: new Uint8Array(readFileSync(wasm)) }] },
    { useWasi: false, config: config ?? {}, logger: collectingLogger(logs) },
  );
  const results = [];
  try {
    for (const { function: name, input: encoded } of calls) {
      logs.length = 0;
      // A fresh Uint8Array of exactly the input: the host would take a pooled Buffer's whole backing ArrayBuffer.
      const input = new Uint8Array(Buffer.from(encoded, 'base64'));
      try {
        const output = await plugin.call(name, input);
        const bytes = output === null ? new Uint8Array(0) : output.bytes();   // null: no output_set
        results.push({ outcome: 'returned', output: Buffer.from(bytes).toString('base64'), logs: [...logs] });
      } catch (e) {
        const message = String(e?.message ?? e);
        results.push(message.startsWith(PLUGIN_ERROR)
          ? { outcome: 'failed', message: message.slice(PLUGIN_ERROR.length), logs: [...logs] }
          : { outcome: 'faulted', message, logs: [...logs] });
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
