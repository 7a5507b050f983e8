// The script of the page of the same name, kept out of it so that the shop's CSP can refuse inline scripts.
const message = document.getElementById('message');
const levels = { AAL1: 'This session was signed in with one factor.', AAL2: 'This session was signed in with two factors.' };
shop.header('account').then(me => {
  document.getElementById('level').textContent = levels[me.level] || '';
});

async function act(action) {
  try {
    await action();
  } catch (error) {
    shop.show(message, shop.explain(error), 'error');
  }
}

document.getElementById('password-form').addEventListener('submit', event => act(async () => {
  event.preventDefault();
  const result = await shop.api('api/account/password', { method: 'POST', body: {
    currentPassword: document.getElementById('current').value,
    newPassword: document.getElementById('new').value } });
  shop.show(message, result.message, 'info');
  event.target.reset();
}));

// Two-step sign-in (one-time codes of an authenticator app)
async function showTotp() {
  const totp = await shop.api('usersession/totp');
  document.getElementById('totp-status').textContent = totp.enabled
    ? 'On: signing in asks for a code of your authenticator app. ' + totp.recoveryCodesLeft + ' recovery code(s) left.'
    : 'Off: signing in asks only for your password.';
  document.getElementById('totp-off').hidden = totp.enabled || !document.getElementById('totp-enroll').hidden;
  document.getElementById('totp-on').hidden = !totp.enabled;
}

function showRecoveryCodes(codes) {
  const list = document.getElementById('recovery-codes');
  list.replaceChildren(...codes.map(code => Object.assign(document.createElement('li'), { textContent: code })));
  document.getElementById('recovery').hidden = false;
}

document.getElementById('totp-enable').addEventListener('click', () => act(async () => {
  const enrollment = await shop.api('usersession/totp/enroll', { method: 'POST', body: {} });
  document.getElementById('totp-qr').src = enrollment.qrCode;
  document.getElementById('totp-secret').textContent = enrollment.secret;
  document.getElementById('totp-enroll').hidden = false;
  document.getElementById('totp-off').hidden = true;
  document.getElementById('totp-code').focus();
}));

document.getElementById('totp-enroll').addEventListener('submit', event => act(async () => {
  event.preventDefault();
  const code = document.getElementById('totp-code').value.replace(/\s/g, '');
  const result = await shop.api('usersession/totp/confirm', { method: 'POST', body: { code } });
  event.target.reset();
  event.target.hidden = true;
  showRecoveryCodes(result.recoveryCodes);
  shop.show(message, 'Two-step sign-in is on.', 'info');
  await showTotp();
}));

document.getElementById('totp-recovery').addEventListener('click', () => act(async () => {
  const result = await shop.api('usersession/totp/recovery-codes', { method: 'POST', body: {} });
  showRecoveryCodes(result.recoveryCodes);
  shop.show(message, 'New recovery codes: the old ones no longer work.', 'info');
  await showTotp();
}));

document.getElementById('totp-disable').addEventListener('click', () => act(async () => {
  await shop.api('usersession/totp/disable', { method: 'POST', body: {} });
  document.getElementById('recovery').hidden = true;
  shop.show(message, 'Two-step sign-in is off.', 'info');
  await showTotp();
}));

// Passkeys
async function showPasskeys() {
  const passkeys = await shop.api('usersession/passkeys');
  const rows = passkeys.map(passkey => {
    const row = document.createElement('tr');
    row.className = 'passkey';
    row.innerHTML = `<td><strong></strong><div class="client"></div></td>
      <td><button class="danger remove-passkey">Remove</button></td>`;
    row.querySelector('strong').textContent = passkey.name;
    row.querySelector('.client').textContent = 'Added ' + shop.when(passkey.created)
      + (passkey.lastUsed ? ' · last used ' + shop.when(passkey.lastUsed) : ' · not used yet');
    row.querySelector('button').addEventListener('click', () => act(async () => {
      await shop.api('usersession/passkeys/remove', { method: 'POST', body: { id: passkey.id } });
      shop.show(message, 'Passkey "' + passkey.name + '" removed.', 'info');
      await showPasskeys();
    }));
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement('tr');
    row.innerHTML = '<td class="empty">No passkeys yet.</td>';
    rows.push(row);
  }
  document.getElementById('passkey-list').replaceChildren(...rows);
}

document.getElementById('passkey-add').addEventListener('submit', event => act(async () => {
  event.preventDefault();
  if (!(await usersessionPasskeys.available())) {
    shop.show(message, 'This browser cannot use passkeys.', 'error');
    return;
  }
  try {
    const added = await usersessionPasskeys.register(document.getElementById('passkey-name').value);
    event.target.reset();
    shop.show(message, 'Passkey "' + added.name + '" added.', 'info');
  } catch (error) {
    const reasons = { cancelled: 'No passkey was made.',
      InvalidStateError: 'This device holds a passkey of your account already.' };
    shop.show(message, reasons[error.code] || error.message, 'error');
  }
  await showPasskeys();
}));

act(showTotp);
act(showPasskeys);
