// The script of the page of the same name, kept out of it so that the shop's CSP can refuse inline scripts.
const message = document.getElementById('message');
const reasons = {
  ended: ['Your session has ended (it was signed out from another device, or it expired). Please sign in again.', 'error'],
  expired: ['Your session expired. Please sign in again.', 'error'],
  logout: ['You are signed out.', 'info'],
  invalid: ['Wrong user name or password.', 'error'],
  invalid_code: ['That code is not right, or it was used already. Please try the next one.', 'error'],
  no_pending_step: ['That took too long. Please sign in with your password again.', 'error'],
  cancelled: ['No passkey was used.', 'error'],
  unknown_credential: ['This passkey is not known here (was it removed?).', 'error'],
  throttled: ['Too many failed attempts on this account. Please wait a little before trying again.', 'error']
};
const reason = new URLSearchParams(location.search).get('reason') || new URLSearchParams(location.search).get('error');
if (reasons[reason]) shop.show(message, reasons[reason][0], reasons[reason][1]);

function tab(showLogin) {
  document.getElementById('login').hidden = !showLogin;
  document.getElementById('signup').hidden = showLogin;
  document.getElementById('second-factor').hidden = true;
  document.getElementById('tab-login').className = showLogin ? '' : 'secondary';
  document.getElementById('tab-signup').className = showLogin ? 'secondary' : '';
}
document.getElementById('tab-login').addEventListener('click', () => tab(true));
document.getElementById('tab-signup').addEventListener('click', () => tab(false));

function signedIn() {
  localStorage.setItem('signedIn', 'yes');
  window.location.href = 'index.html';
}

// The password was right; the login waits (pending cookie) for a code or a passkey.
function askSecondFactor() {
  document.getElementById('login').hidden = true;
  document.getElementById('second-factor').hidden = false;
  document.getElementById('code').focus();
  shop.show(message, 'One more step.', 'info');
}

// Answers of the library's login steps that are not a success.
function refused(status, problem) {
  if (problem.error === 'second_factor_required') {
    askSecondFactor();
  } else if (problem.error === 'no_pending_step') {
    tab(true);
    shop.show(message, reasons.no_pending_step[0], 'error');
  } else if (status === 429) {
    shop.show(message, problem.message || reasons.throttled[0], 'error');
  } else if (reasons[problem.error]) {
    shop.show(message, reasons[problem.error][0], 'error');
  } else if (status === 401) {
    shop.show(message, reasons.invalid[0], 'error');
  } else {
    shop.show(message, problem.message || 'Signing in failed. Please try again.', 'error');
  }
}

async function post(path, body) {
  const { response, data } = await shop.send(path, { method: 'POST', body });
  if (response.ok) {
    signedIn();
  } else {
    refused(response.status, data || {});
  }
}

const remember = () => document.getElementById('remember').checked;

function login(username, password) {
  return post('usersession/login', { username, password, remember: remember() });
}

document.getElementById('second-factor').addEventListener('submit', event => {
  event.preventDefault();
  post('usersession/login/second-factor', {
    code: document.getElementById('code').value.replace(/\s/g, ''), remember: remember()
  });
});

// A passkey: alone (passwordless), or as the second step of a password login (the library tells which).
async function passkey() {
  try {
    await usersessionPasskeys.login();
    signedIn();
  } catch (error) {
    refused(0, { error: error.code, message: error.message });
  }
}
document.getElementById('passkey-sign-in').addEventListener('click', passkey);
document.getElementById('second-factor-passkey').addEventListener('click', passkey);
usersessionPasskeys.available().then(yes => {
  document.getElementById('passkey-sign-in').hidden = !yes;
  document.getElementById('second-factor-passkey').hidden = !yes;
});

document.getElementById('login').addEventListener('submit', event => {
  event.preventDefault();
  login(document.getElementById('username').value, document.getElementById('password').value);
});

document.getElementById('signup').addEventListener('submit', async event => {
  event.preventDefault();
  const username = document.getElementById('new-username').value;
  const password = document.getElementById('new-password').value;
  try {
    await shop.api('api/account/signup', { method: 'POST', body: { username, password }, anonymousOk: true });
    await login(username, password);
  } catch (error) {
    shop.show(message, error.message, 'error');
  }
});
