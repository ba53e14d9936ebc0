// Scrollback's web pages: a small client of the REST API. Routing is by the URL's fragment (#/board/ID ...), so the
// server serves one page. Every caller's text is written with textContent, never as markup: bodies are untrusted, and
// so is everything a plugin says (greetings, menu labels, command answers and failures).

const main = document.getElementById('main');
const statusLine = document.getElementById('status');
const nav = document.getElementById('nav');
const whoami = document.getElementById('whoami');
const commandsLink = document.getElementById('commands-link');
const greetingsBox = document.getElementById('greetings');
const greetingLines = document.getElementById('greeting-lines');

// ---- session: tokens live in sessionStorage (this tab only), never in cookies ----

const session = {
  get access() { return sessionStorage.getItem('access'); },
  get refresh() { return sessionStorage.getItem('refresh'); },
  get handle() { return sessionStorage.getItem('handle') || ''; },
  save(tokens, handle) {
    sessionStorage.setItem('access', tokens.accessToken);
    sessionStorage.setItem('refresh', tokens.refreshToken);
    if (handle) sessionStorage.setItem('handle', handle);
  },
  clear() { sessionStorage.clear(); },
};

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
    this.slug = String(this.problem.type || '').split('/').pop();
  }
}

async function call(method, path, body, retried) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session.access) headers['Authorization'] = 'Bearer ' + session.access;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && session.refresh && !retried && path !== '/api/v1/sessions/refresh') {
    if (await refreshTokens()) return call(method, path, body, true);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && session.access) { session.clear(); showNav(); }
    throw new ApiError(response.status, json);
  }
  return json;
}

async function refreshTokens() {
  try {
    const response = await fetch('/api/v1/sessions/refresh', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: session.refresh }) });
    if (!response.ok) return false;
    session.save(await response.json());
    return true;
  } catch (e) {
    return false;
  }
}

// ---- building the page without markup ----

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function link(href, text) { return el('a', { href, text }); }

function when(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  return el('time', { datetime: instant, text: date.toLocaleString() });
}

/**
 * Replaces the main area and moves focus to its heading, so keyboard and screen-reader users land on the new view.
 * A null or undefined part is left out (replaceChildren would print it as the word "null").
 */
function show(title, ...content) {
  const heading = el('h1', { tabindex: '-1', text: title });
  main.replaceChildren(heading, ...content.filter(part => part !== null && part !== undefined));
  document.title = title + ' - Scrollback';
  heading.focus();
}

function say(text) { statusLine.textContent = text; }

function errorBox() { return el('p', { class: 'error', role: 'alert' }); }

function showNav() {
  nav.hidden = !session.access;
  whoami.textContent = session.handle ? '(' + session.handle + ')' : '';
}

// ---- views ----

function loginView(next) {
  const error = errorBox();
  const totpLabel = el('label', { hidden: true }, 'Authenticator code',
    el('input', { id: 'totp', name: 'totp', autocomplete: 'one-time-code', inputmode: 'numeric' }));
  const form = el('form', { id: 'login-form', 'aria-describedby': 'login-help' },
    el('label', {}, 'Handle', el('input', { id: 'handle', name: 'handle', autocomplete: 'username', required: true })),
    el('label', {}, 'Password', el('input', { id: 'password', name: 'password', type: 'password',
      autocomplete: 'current-password', required: true })),
    totpLabel,
    error,
    el('button', { id: 'login', type: 'submit', text: 'Log in' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const handle = form.handle.value.trim();
    const body = { handle, password: form.password.value };
    if (!totpLabel.hidden && form.totp.value.trim()) body.totp = form.totp.value.trim();
    try {
      const tokens = await call('POST', '/api/v1/sessions', body);
      session.save(tokens, handle);
      showNav();
      clearPluginMenu();                                  // drawn afresh for this caller by the route below
      const greeted = showGreetings(tokens.greetings);
      say('Logged in as ' + handle + '.' + (greeted ? ' The BBS greets you at the top of the page.' : ''));
      if (location.hash === next || !next) route(); else location.hash = next;
    } catch (e) {
      if (e.slug === 'totp-required' || e.slug === 'wrong-totp') {
        totpLabel.hidden = false;
        form.totp.focus();
      }
      error.textContent = e.message;
    }
  });
  show('Log in', el('p', { id: 'login-help', text: 'Log in with the handle and password you use on telnet.' }), form);
  form.handle.focus();
}

async function boardsView() {
  const data = await call('GET', '/api/v1/boards');
  const list = el('ul', { class: 'list', id: 'boards' });
  for (const board of data.boards) {
    list.append(el('li', {},
      el('h2', {}, link('#/board/' + board.id, board.conference + ' / ' + board.name)),
      board.description ? el('p', { text: board.description }) : null,
      el('p', { class: 'meta', text: board.threads + ' threads, ' + board.unread + ' unread' })));
  }
  show('Boards', data.boards.length ? list : el('p', { text: 'There are no boards you may read yet.' }));
}

async function boardView(id) {
  const data = await call('GET', '/api/v1/boards/' + encodeURIComponent(id) + '/threads?limit=200');
  const list = el('ul', { class: 'list', id: 'threads' });
  for (const thread of data.threads) {
    list.append(el('li', {},
      el('h2', {}, link('#/thread/' + thread.id, thread.subject)),
      el('p', { class: 'meta' }, 'by ' + thread.startedBy + ', ' + thread.messages + ' messages, last ',
        when(thread.lastPostAt), thread.locked ? ' (locked)' : '')));
  }
  show(data.board.conference + ' / ' + data.board.name,
    data.board.description ? el('p', { text: data.board.description }) : null,
    data.board.mayPost ? el('p', {}, link('#/board/' + id + '/new', 'Start a new thread')) : null,
    data.threads.length ? list : el('p', { text: 'No threads yet.' }));
}

function composeView(boardId) {
  const error = errorBox();
  const form = el('form', { id: 'compose-form' },
    el('label', {}, 'Subject', el('input', { id: 'subject', name: 'subject', required: true, maxlength: '200' })),
    el('label', {}, 'Message', el('textarea', { id: 'body', name: 'body', required: true, rows: '12' })),
    error,
    el('button', { id: 'post', type: 'submit', text: 'Post thread' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const posted = await call('POST', '/api/v1/boards/' + encodeURIComponent(boardId) + '/threads',
        { subject: form.subject.value, body: form.body.value });
      say('Your thread is posted.');
      location.hash = '#/thread/' + posted.threadId;
    } catch (e) {
      error.textContent = e.message;
    }
  });
  show('New thread', el('p', {}, link('#/board/' + boardId, 'Back to the board')), form);
  form.subject.focus();
}

function quote(body) {
  return body.split('\n').map(line => '> ' + line).join('\n') + '\n';
}

async function threadView(id) {
  const data = await call('GET', '/api/v1/threads/' + encodeURIComponent(id));
  const error = errorBox();
  const replyTo = el('input', { type: 'hidden', name: 'inReplyTo' });
  const replyingTo = el('p', { class: 'meta', id: 'replying-to', 'aria-live': 'polite' });
  const form = el('form', { id: 'reply-form', 'aria-labelledby': 'reply-heading' },
    replyTo, replyingTo,
    el('label', {}, 'Your reply', el('textarea', { id: 'reply-body', name: 'body', required: true, rows: '8' })),
    error,
    el('button', { id: 'send-reply', type: 'submit', text: 'Post reply' }));
  const messages = el('div', { id: 'messages' });
  for (const message of data.messages) {
    // a plugin's reply shows its name in brackets, as telnet does: [auto-responder]
    const author = message.plugin ? '[' + message.author + ']' : message.author;
    const article = el('article', { class: message.plugin ? 'message plugin-message' : 'message', id: 'm' + message.number,
      'aria-labelledby': 'h' + message.number },
      el('h2', { id: 'h' + message.number }, message.subject),
      el('p', { class: 'meta' }, '#' + message.number + ' by ', el('strong', { class: 'author', text: author }),
        ', ', when(message.postedAt), message.editedAt ? ' (edited)' : ''));
    if (message.body !== null && message.body !== undefined) {
      article.append(el('div', { class: 'body', text: message.body }));
      if (data.thread.mayReply) {
        article.append(el('button', { type: 'button', class: 'quote', text: 'Reply quoting this',
          onclick: () => {
            replyTo.value = message.id;
            replyingTo.textContent = 'Replying to #' + message.number + ' by ' + author + '.';
            form.body.value = quote(message.body) + form.body.value;
            form.body.focus();
          } }));
      }
    } else {
      article.append(el('p', { class: 'muted', text: 'Deleted by a moderator: ' + (message.deletedBecause || '') }));
    }
    messages.append(article);
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const body = { body: form.body.value };
    if (replyTo.value) body.inReplyTo = replyTo.value;
    try {
      await call('POST', '/api/v1/threads/' + encodeURIComponent(id) + '/messages', body);
      say('Your reply is posted.');
      await threadView(id);
    } catch (e) {
      error.textContent = e.message;
    }
  });
  show(data.thread.subject,
    el('p', {}, link('#/board/' + data.thread.board.id, 'Back to ' + data.thread.board.name), ' ',
      el('button', { type: 'button', id: 'reload', text: 'Check for new replies', onclick: () => threadView(id) })),
    messages,
    data.thread.mayReply
      ? el('section', {}, el('h2', { id: 'reply-heading', text: 'Reply' }), form)
      : el('p', { class: 'muted', text: data.thread.locked ? 'This thread is locked.' : 'You may not reply here.' }));
}

async function mailListView(box) {
  const data = await call('GET', '/api/v1/mail/' + box + '?limit=100');
  const list = el('ul', { class: 'list', id: 'mail' });
  for (const message of data.messages) {
    const who = box === 'inbox' ? 'from ' + message.from : 'to ' + message.to;
    const state = box === 'inbox' ? (message.read ? '' : ' (unread)') : (message.read ? ' (read)' : ' (not read yet)');
    list.append(el('li', {},
      el('h2', {}, link('#/mail/' + message.id, message.subject)),
      el('p', { class: 'meta' }, who + ', ', when(message.sentAt), state)));
  }
  const inbox = box === 'inbox';
  show(inbox ? 'Inbox' : 'Sent mail',
    el('p', {}, link('#/mail/new', 'Write mail'), ' · ',
      inbox ? link('#/mail/sent', 'Sent mail') : link('#/mail', 'Inbox')),
    inbox ? el('p', { class: 'meta', text: data.unread + ' unread' }) : null,
    data.messages.length ? list : el('p', { text: inbox ? 'Your inbox is empty.' : 'You have sent no mail.' }),
    data.next ? el('p', { class: 'muted', text: 'Older messages are on the terminal and the API.' }) : null);
}

async function mailView(id) {
  const message = await call('GET', '/api/v1/mail/' + encodeURIComponent(id));
  const error = errorBox();
  show(message.subject,
    el('p', { class: 'meta' }, 'From ' + message.from + ' to ' + message.to + ', ', when(message.sentAt),
      message.mailbox === 'sent' ? (message.read ? ' (read)' : ' (not read yet)') : ''),
    el('div', { class: 'body', id: 'mail-body', text: message.body }),
    el('p', {},
      message.mailbox === 'inbox' ? link('#/mail/new/' + message.id, 'Reply') : null, ' ',
      el('button', { type: 'button', id: 'delete-mail', text: 'Delete for me', onclick: async () => {
        try {
          await call('DELETE', '/api/v1/mail/' + encodeURIComponent(id));
          say('The message is deleted from your mailbox.');
          location.hash = message.mailbox === 'sent' ? '#/mail/sent' : '#/mail';
        } catch (e) {
          error.textContent = e.message;
        }
      } })),
    error,
    el('p', {}, link(message.mailbox === 'sent' ? '#/mail/sent' : '#/mail', 'Back')));
}

async function mailComposeView(inReplyTo) {
  const original = inReplyTo ? await call('GET', '/api/v1/mail/' + encodeURIComponent(inReplyTo)) : null;
  const error = errorBox();
  const form = el('form', { id: 'mail-form' },
    original
      ? el('p', { class: 'meta', text: 'Replying to ' + original.from + ': ' + original.subject })
      : el('label', {}, 'To (handle)', el('input', { id: 'mail-to', name: 'to', required: true, autocomplete: 'off' })),
    original ? null : el('label', {}, 'Subject', el('input', { id: 'mail-subject', name: 'subject', required: true })),
    el('label', {}, 'Message', el('textarea', { id: 'mail-text', name: 'body', required: true, rows: '12' })),
    error,
    el('button', { id: 'send-mail', type: 'submit', text: 'Send' }));
  if (original) form.body.value = quote(original.body);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const body = { body: form.body.value };
    if (original) body.inReplyTo = original.id;
    else { body.to = form.to.value.trim(); body.subject = form.subject.value; }
    try {
      const sent = await call('POST', '/api/v1/mail', body);
      say('Your mail to ' + sent.to + ' is sent.');
      location.hash = '#/mail/sent';
    } catch (e) {
      error.textContent = e.message;
    }
  });
  show(original ? 'Reply' : 'Write mail', form);
  (original ? form.body : form.to).focus();
}

function idle(seconds) {
  if (seconds === undefined || seconds === null) return '';
  if (seconds < 60) return '-';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
  return Math.floor(seconds / 3600) + ' h';
}

async function whoView() {
  const data = await call('GET', '/api/v1/presence');
  const rows = data.online.map(caller => el('tr', {},
    el('td', { text: caller.handle }), el('td', { text: caller.channel }), el('td', {}, when(caller.since)),
    el('td', { text: idle(caller.idleSeconds) }), el('td', { text: caller.doing || '' })));
  show("Who's online",
    el('table', { id: 'online' },
      el('caption', { class: 'muted', text: rows.length + ' online' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Handle' }), el('th', { scope: 'col', text: 'Via' }),
        el('th', { scope: 'col', text: 'Since' }), el('th', { scope: 'col', text: 'Idle' }),
        el('th', { scope: 'col', text: 'Doing' }))),
      el('tbody', {}, ...rows)));
}

// ---- live events: /ws, for pages and mail that break in, and the room being watched ----

const noticesBox = document.getElementById('notices');
const live = { socket: null, onEvent: null, onTyping: null };

/** Shows a notice for a while; screen readers hear it at once (the region is an alert). */
function notice(text) {
  const item = el('p', { text });
  noticesBox.append(item);
  setTimeout(() => item.remove(), 15000);
}

function connectLive() {
  if (!session.access || live.socket) return;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/ws?access_token=' + encodeURIComponent(session.access));
  live.socket = socket;
  socket.onmessage = message => {
    const frame = JSON.parse(message.data);
    if (frame.ephemeral) {
      if (frame.type === 'Typing' && live.onTyping) live.onTyping(frame);
      return;
    }
    const data = frame.data || {};
    if (frame.type === 'PageSent' && data.toHandle === session.handle) {
      notice('Page from ' + data.fromHandle + ': ' + personal(data.text));
    } else if (frame.type === 'PrivateMessageSent' && data.recipientHandle === session.handle) {
      notice('New mail from ' + data.senderHandle + ': ' + personal(data.subject));
    }
    if (live.onEvent) live.onEvent(frame);
  };
  socket.onclose = () => {
    live.socket = null;
    if (session.access) setTimeout(connectLive, 3000);     // a new token after a refresh, or the server restarted
  };
}

/** Personal fields arrive as {"personal": value}. */
function personal(value) {
  return value && typeof value === 'object' && 'personal' in value ? value.personal : value;
}

// ---- chat ----

async function chatListView() {
  const data = await call('GET', '/api/v1/chat/rooms');
  const list = el('ul', { class: 'list', id: 'rooms' });
  for (const room of data.rooms) {
    list.append(el('li', {},
      el('h2', {}, link('#/chat/' + room.id, room.name)),
      room.topic ? el('p', { text: room.topic }) : null,
      el('p', { class: 'meta', text: room.members + ' in it' + (room.kind === 'private' ? ', private' : '') })));
  }
  show('Chat', data.rooms.length ? list : el('p', { text: 'There are no rooms yet.' }));
}

function chatLine(line) {
  const time = new Date(line.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (line.plugin) return el('li', { class: 'plugin-line', text: time + ' [' + line.handle + '] ' + line.text });
  return el('li', { text: line.kind === 'action' ? time + ' * ' + line.handle + ' ' + line.text
    : time + ' <' + line.handle + '> ' + line.text });
}

async function chatRoomView(id) {
  const view = await call('POST', '/api/v1/chat/rooms/' + encodeURIComponent(id) + '/join', {});
  const lines = el('ul', { id: 'chat-lines', 'aria-live': 'polite' });
  view.lines.forEach(line => lines.append(chatLine(line)));
  const members = el('p', { class: 'meta', id: 'chat-members', text: 'In the room: ' + view.members.map(m => m.handle).join(', ') });
  const typing = el('p', { class: 'muted', id: 'typing' });
  const error = errorBox();
  const form = el('form', { id: 'chat-form' },
    el('label', {}, 'Say something ("/me waves" for an action)',
      el('input', { id: 'chat-text', name: 'text', autocomplete: 'off', maxlength: '500', required: true })),
    error,
    el('button', { id: 'chat-say', type: 'submit', text: 'Say' }));
  let lastTyping = 0;
  form.text.addEventListener('input', () => {
    if (live.socket && live.socket.readyState === WebSocket.OPEN && Date.now() - lastTyping > 2000) {
      lastTyping = Date.now();
      live.socket.send(JSON.stringify({ type: 'typing', room: id }));
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      await call('POST', '/api/v1/chat/rooms/' + encodeURIComponent(id) + '/messages', { text: form.text.value });
      form.text.value = '';
    } catch (e) {
      error.textContent = e.message;
    }
  });
  const seen = new Set(view.lines.map(line => line.handle + '|' + line.at + '|' + line.text));
  let typingTimer;
  live.onTyping = frame => {
    if (frame.room !== id) return;
    typing.textContent = frame.handle + ' is typing…';
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { typing.textContent = ''; }, 4000);
  };
  live.onEvent = frame => {
    const data = frame.data || {};
    if (data.room !== id) return;
    if (frame.type === 'ChatMessageSent') {
      const line = { handle: data.handle, kind: data.kind, text: personal(data.text), at: data.at };
      if (seen.delete(line.handle + '|' + line.at + '|' + line.text)) return;
      lines.append(chatLine(line));
      lines.scrollTop = lines.scrollHeight;
      typing.textContent = '';
    } else if (frame.type === 'ChatPluginMessageSent') {
      lines.append(chatLine({ handle: data.plugin, kind: 'say', text: data.text, at: data.at, plugin: true }));
      lines.scrollTop = lines.scrollHeight;
    } else if (frame.type === 'ChatJoined') {
      lines.append(el('li', { class: 'muted', text: '*** ' + data.handle + ' came in' }));
    } else if (frame.type === 'ChatLeft') {
      lines.append(el('li', { class: 'muted', text: '*** ' + data.handle + (data.reason === 'kicked' ? ' was kicked' : ' left') }));
    }
  };
  show(view.room.name,
    view.room.topic ? el('p', { text: view.room.topic }) : null,
    members, lines, typing, form,
    el('p', {}, el('button', { type: 'button', id: 'chat-leave', text: 'Leave the room', onclick: async () => {
      await leaveRoom(id);
      location.hash = '#/chat';
    } })));
  chatRoom = id;
  form.text.focus();
}

let chatRoom = null;

async function leaveRoom(id) {
  live.onEvent = null;
  live.onTyping = null;
  chatRoom = null;
  try { await call('POST', '/api/v1/chat/rooms/' + encodeURIComponent(id) + '/leave', {}); } catch (e) { /* gone already */ }
}

function pageView() {
  const error = errorBox();
  const form = el('form', { id: 'page-form' },
    el('label', {}, 'To (a handle; they must be online)', el('input', { id: 'page-to', name: 'to', required: true })),
    el('label', {}, 'Message', el('input', { id: 'page-text', name: 'text', required: true, maxlength: '200' })),
    error,
    el('button', { id: 'page-send', type: 'submit', text: 'Page' }));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const paged = await call('POST', '/api/v1/pages', { to: form.to.value.trim(), text: form.text.value });
      say('Paged ' + paged.to + '.');
      form.text.value = '';
    } catch (e) {
      error.textContent = e.message;
    }
  });
  show('Page someone', el('p', { text: 'A page breaks into their session wherever they are: telnet, here, or the web terminal.' }), form);
  form.to.focus();
}

// ---- what plugins offer: greetings at login, items in the main menu, commands ----

/** Shows the plugins' greetings from a login's answer (each line as text) until dismissed; answers whether there were any. */
function showGreetings(lines) {
  const greetings = Array.isArray(lines) ? lines.map(String) : [];
  greetingLines.textContent = greetings.join('\n');
  greetingsBox.hidden = greetings.length === 0;
  return greetings.length > 0;
}

const pluginMenu = { loaded: false, items: [] };

/**
 * Draws the items plugins add to the main menu (each opens its command) and the Commands link when any command runs.
 * Drawn at login, at a reload and when the commands page opens: plugins come and go. A BBS without plugins, or a
 * menu that cannot be drawn now, leaves the navigation as it is.
 */
async function loadPluginMenu() {
  pluginMenu.loaded = true;
  let items = [];
  let commands = [];
  try {
    const [menu, running] = await Promise.all([call('GET', '/api/v1/menu/plugins'), call('GET', '/api/v1/commands')]);
    items = menu.items || [];
    commands = running.commands || [];
  } catch (e) {
    if (e.status === 401) pluginMenu.loaded = false;
  }
  pluginMenu.items = items;
  for (const old of nav.querySelectorAll('li.plugin-item')) old.remove();
  for (const item of items) {
    commandsLink.before(el('li', { class: 'plugin-item' },
      link('#/command/' + encodeURIComponent(item.command), item.label)));
  }
  commandsLink.hidden = commands.length === 0 && items.length === 0;
}

function clearPluginMenu() {
  pluginMenu.loaded = false;
  pluginMenu.items = [];
  for (const old of nav.querySelectorAll('li.plugin-item')) old.remove();
  commandsLink.hidden = true;
}

/** What a command's refusal says, in words: the plugin's own reason, or why it could not run. */
function commandProblem(name, e) {
  if (e.slug === 'command-failed') return name + ' says: ' + (e.problem.detail || 'it failed, without saying why');
  if (e.slug === 'command-unavailable') return 'Sorry, ' + name + ' cannot answer now: ' + (e.problem.detail || 'it is not running') + '.';
  return e.message;
}

async function commandsView(chosen) {
  const [data] = await Promise.all([call('GET', '/api/v1/commands'), loadPluginMenu()]);
  const names = data.commands || [];
  const item = pluginMenu.items.find(i => i.command === chosen);
  const title = item ? item.label : 'Plugin commands';
  const missing = chosen && !names.includes(chosen)
    ? el('p', { class: 'error', id: 'command-missing', text: 'There is no command ' + chosen + ' running now.' }) : null;
  if (names.length === 0) {
    show(title, missing, el('p', { id: 'no-commands', text: 'No plugin commands are running on this BBS now.' }));
    return;
  }
  const error = errorBox();
  error.id = 'command-error';
  const select = el('select', { id: 'command-name', name: 'command' },
    ...names.map(name => el('option', { value: name, text: name, selected: name === chosen })));
  const answers = el('ul', { class: 'list', id: 'command-output', 'aria-live': 'polite' });
  const run = el('button', { id: 'run-command', type: 'submit', text: 'Run' });
  const form = el('form', { id: 'command-form', 'aria-describedby': 'command-help' },
    el('label', {}, 'Command', select),
    el('label', {}, 'What to send it (may be empty)',
      el('input', { id: 'command-input', name: 'input', autocomplete: 'off', maxlength: '1000' })),
    error,
    run);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const name = form.command.value;
    const input = form.input.value;
    run.disabled = true;
    try {
      const answer = await call('POST', '/api/v1/commands/' + encodeURIComponent(name), { input });
      answers.append(el('li', {},
        el('p', { class: 'meta', text: input ? name + ', you sent: ' + input : name + ', you sent nothing' }),
        el('div', { class: 'body', text: answer.output })));
      form.input.value = '';
    } catch (e) {
      error.textContent = commandProblem(name, e);
    } finally {
      run.disabled = false;
      form.input.focus();
    }
  });
  show(title,
    missing,
    el('p', { id: 'command-help', text: 'Plugins installed by the sysop answer these commands. Choose one, type what to '
      + 'send it, and choose Run; its answer appears below. What a plugin says is its own, not the sysop\'s.' }),
    form,
    el('section', { 'aria-labelledby': 'answers-heading' }, el('h2', { id: 'answers-heading', text: 'Answers' }), answers));
  form.input.focus();
}

// ---- routing ----

async function route() {
  showNav();
  const hash = location.hash || '#/';
  if (!session.access) return loginView(hash);
  connectLive();
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (!pluginMenu.loaded && !parts[0].startsWith('command')) loadPluginMenu();   // the commands page draws it itself
  if (chatRoom && !(parts[0] === 'chat' && parts[1] === chatRoom)) await leaveRoom(chatRoom);
  try {
    if (parts[0] === 'chat' && parts[1]) return await chatRoomView(parts[1]);
    if (parts[0] === 'chat') return await chatListView();
    if (parts[0] === 'page') return pageView();
    if (parts[0] === 'commands') return await commandsView();
    if (parts[0] === 'command' && parts[1]) return await commandsView(decodeURIComponent(parts[1]));
    if (parts[0] === 'board' && parts[1] && parts[2] === 'new') return composeView(parts[1]);
    if (parts[0] === 'board' && parts[1]) return await boardView(parts[1]);
    if (parts[0] === 'thread' && parts[1]) return await threadView(parts[1]);
    if (parts[0] === 'who') return await whoView();
    if (parts[0] === 'mail' && parts[1] === 'sent') return await mailListView('sent');
    if (parts[0] === 'mail' && parts[1] === 'new') return await mailComposeView(parts[2]);
    if (parts[0] === 'mail' && parts[1]) return await mailView(parts[1]);
    if (parts[0] === 'mail') return await mailListView('inbox');
    return await boardsView();
  } catch (e) {
    if (e.status === 401) return loginView(hash);
    show(e.status === 404 ? 'Not found' : 'Something went wrong', el('p', { class: 'error', role: 'alert', text: e.message }),
      el('p', {}, link('#/', 'Back to the boards')));
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  try { await call('DELETE', '/api/v1/sessions/current'); } catch (e) { /* the session may be over already */ }
  session.clear();
  if (live.socket) live.socket.close();
  showGreetings([]);
  clearPluginMenu();
  say('You are logged out.');
  location.hash = '#/';
  route();
});

document.getElementById('greetings-dismiss').addEventListener('click', () => {
  showGreetings([]);
  main.focus();
});

// The skip link must not change the fragment: the fragment is the route.
document.querySelector('.skip').addEventListener('click', event => { event.preventDefault(); main.focus(); });

window.addEventListener('hashchange', route);
route();
