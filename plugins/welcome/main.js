// welcome: greets a caller who has just logged in (hook on_user_login).
// Input: {"handle": "...", "channel": "telnet" | "web", "first_login": true | false}.
// Output: the lines to show the caller; config("bbs_name") names the board when the sysop sets it.

function on_user_login(input) {
  const login = JSON.parse(input);
  const board = config('bbs_name') || 'this board';
  if (login.first_login) {
    log('info', 'first login of ' + login.handle);
    return [
      'Welcome to ' + board + ', ' + login.handle + '! This is your first call.',
      'Boards are under [B], live chat under [C]; [N] shows what is new since you last called.',
    ].join('\n');
  }
  return 'Welcome back, ' + login.handle + '.';
}
