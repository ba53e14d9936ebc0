// The web terminal page: xterm.js on a WebSocket to /ws/terminal (protocol: TerminalFrames.java).
// Browser to server: binary frames of typed bytes (at most 4096 each); text frames {"type":"resize","cols":C,"rows":R}.
// Server to browser: binary frames of terminal output (UTF-8 with ANSI sequences).
(function () {
  'use strict';
  var MAX_FRAME = 4096;
  var screen = document.getElementById('screen');
  var status = document.getElementById('status');
  // screenReaderMode keeps a text copy of the screen in the page, which screen readers (and our browser test) read.
  var term = new Terminal({ rendererType: 'canvas', cursorBlink: true, scrollback: 1000, fontSize: 16,
    screenReaderMode: true });
  term.open(screen);
  term.focus();

  var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  var socket = new WebSocket(scheme + '//' + location.host + '/ws/terminal');
  socket.binaryType = 'arraybuffer';
  var encoder = new TextEncoder();

  function sendResize(cols, rows) {
    if (socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ type: 'resize', cols: cols, rows: rows }));
    }
  }

  // Fits the terminal to its box from the rendered cell size (what xterm's fit addon does, without the addon).
  function fit() {
    var core = term._core;
    var dims = core && core._renderService && core._renderService.dimensions;
    if (!dims || !dims.actualCellWidth || !dims.actualCellHeight) return;
    var width = screen.clientWidth - 8 - 16;              // padding, and room for the scroll bar
    var height = screen.clientHeight - 8;
    var cols = Math.max(20, Math.min(1000, Math.floor(width / dims.actualCellWidth)));
    var rows = Math.max(5, Math.min(1000, Math.floor(height / dims.actualCellHeight)));
    if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
  }

  term.onResize(function (size) { sendResize(size.cols, size.rows); });
  window.addEventListener('resize', fit);

  term.onData(function (data) {
    if (socket.readyState !== WebSocket.OPEN) return;
    var bytes = encoder.encode(data);
    for (var at = 0; at < bytes.length; at += MAX_FRAME) {
      socket.send(bytes.subarray(at, Math.min(bytes.length, at + MAX_FRAME)));
    }
  });

  socket.onopen = function () {
    status.textContent = 'Connected.';
    fit();
    sendResize(term.cols, term.rows);
  };
  socket.onmessage = function (event) {
    if (event.data instanceof ArrayBuffer) term.write(new Uint8Array(event.data));
  };
  socket.onclose = function (event) {
    status.textContent = 'Disconnected' + (event.reason ? ': ' + event.reason : '') + '. Reload the page to call again.';
    term.write('\r\n[Disconnected]\r\n');
  };
})();
