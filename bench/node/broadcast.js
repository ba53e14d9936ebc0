// The peer of `bench/run fanout` (docs/benchmarks.md): a plain broadcast server on the npm `ws` package, doing what a
// chat fan-out must do and nothing more: POST /rooms/<room>/messages {text} sends one JSON frame, built once, to every
// WebSocket connected to /ws?room=<room>. No log, no authentication, no per-member filtering. The frame has the shape
// and about the size of Scrollback's event envelope so that both send similar bytes.
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 8090);
const rooms = new Map();            // room name -> Set of sockets
let position = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"UP"}');
    return;
  }
  const match = req.method === 'POST' && /^\/rooms\/([^/]+)\/messages$/.exec(req.url);
  if (!match) {
    res.writeHead(404);
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let text;
    try {
      text = JSON.parse(Buffer.concat(chunks).toString('utf8')).text;
    } catch (e) {
      res.writeHead(400);
      res.end();
      return;
    }
    const room = match[1];
    const at = new Date().toISOString();
    position += 1;
    const frame = JSON.stringify({
      position, id: `0190bench-0000-7000-8000-${String(position).padStart(12, '0')}`, type: 'ChatMessageSent',
      schemaVersion: 1, stream: `chatroom-${room}`, version: position, occurredAt: at,
      actor: { kind: 'user', id: '0190bench-0000-7000-8000-000000000001', handle: 'member' },
      origin: { channel: 'web', address: null, sessionId: '0190bench-0000-7000-8000-000000000002' },
      correlationId: '0190bench-0000-7000-8000-000000000003', causationId: null,
      data: { room, account: '0190bench-0000-7000-8000-000000000001', handle: 'member',
        session: '0190bench-0000-7000-8000-000000000002', kind: 'say', text: { personal: text }, at },
    });
    for (const socket of rooms.get(room) || []) socket.send(frame);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ handle: 'member', kind: 'say', text, at }));
  });
});

const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (socket, req) => {
  const room = new URL(req.url, 'http://localhost').searchParams.get('room') || 'lobby';
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room).add(socket);
  socket.on('close', () => rooms.get(room).delete(socket));
  socket.on('error', () => rooms.get(room).delete(socket));
  socket.send(JSON.stringify({ ephemeral: true, type: 'CaughtUp', upTo: position }));
});

// Keep senders' connections open as long as Jetty does (30 s idle), not Node's default 5 s, so that neither server
// pays for new connections the other does not.
server.keepAliveTimeout = 30000;
server.headersTimeout = 31000;
server.listen(port, '127.0.0.1', () => console.log(`broadcast peer on 127.0.0.1:${port}`));
