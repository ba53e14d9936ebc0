// session-log: one INFO line per session start and end, with what the hook was told.
// on_session_start input: {"handle": "...", "channel": "telnet" | "web", "session": "<uuid>"}; on_session_end adds
// "reason" ("goodbye", "dropped", ...).

function on_session_start(input) {
  const session = JSON.parse(input);
  log('info', 'start ' + session.channel + ' ' + session.handle + ' ' + session.session);
}

function on_session_end(input) {
  const session = JSON.parse(input);
  log('info', 'end ' + session.channel + ' ' + session.handle + ' ' + session.session + ' ' + session.reason);
}
