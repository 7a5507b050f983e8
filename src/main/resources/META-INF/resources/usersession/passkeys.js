/*
 * usersession passkeys: registration and login with WebAuthn, served from the library jar at
 * <context>/usersession/passkeys.js. No framework.
 *
 *   usersessionPasskeys.available()              -> Promise<boolean>: whether this browser can use passkeys at all
 *   usersessionPasskeys.register(name, options)  -> Promise<JSON answer of POST usersession/passkeys/registration>
 *   usersessionPasskeys.login(options)           -> Promise<JSON answer of POST usersession/login/passkey>: a
 *       passwordless login, or the second step of a password login that answered second_factor_required
 *   usersessionPasskeys.reauthenticate(options)  -> Promise<JSON answer of POST usersession/reauthenticate/passkey>
 *
 * options (optional): { csrfToken: "..." }, the session's CSRF token (the "csrfToken" of the login's answer), sent
 * as the X-CSRF-Token header; browsers that send Sec-Fetch-Site or Origin do not need it.
 *
 * A refusal rejects with an Error whose .code is the "error" member of the server's JSON error body,
 * "cancelled" when the user or the authenticator aborted, the DOMException's name for other browser refusals
 * (e.g. "InvalidStateError": this authenticator already holds a passkey of the account), "unsupported",
 * "network", or "http-<status>" for an error answer without a JSON body.
 *
 * The page may carry <meta name="usersession-base" content="/context-root"> (default: the origin's root; "." for the
 * page's own directory) and <meta name="usersession-csrf" content="..."> (the CSRF token when options give none).
 */
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64url(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    base64 += "===".slice((base64.length + 3) % 4);
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function failure(code, message) {
    var error = new Error(message || code);
    error.code = code;
    return error;
  }

  /* path: below <base>/usersession/ */
  async function post(path, body, options) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var csrf = (options && options.csrfToken) || meta("usersession-csrf");
    if (csrf) {
      headers["X-CSRF-Token"] = csrf;
    }
    var base = (meta("usersession-base") || "").replace(/\/+$/, "");
    var response;
    try {
      response = await fetch(base + "/usersession/" + path, {
        method: "POST",
        credentials: "same-origin",
        headers: headers,
        body: JSON.stringify(body)
      });
    } catch (unreachable) {
      throw failure("network", "The server cannot be reached.");
    }
    var answer = null;
    try {
      answer = await response.json();
    } catch (notJson) {
      answer = null;
    }
    if (!response.ok) {
      if (answer && typeof answer.error === "string") {
        throw failure(answer.error, answer.message);
      }
      throw failure("http-" + response.status);
    }
    return answer;
  }

  function descriptors(list) {
    return (list || []).map(function (descriptor) {
      return Object.assign({}, descriptor, { id: fromBase64url(descriptor.id) });
    });
  }

  function creationOptions(json) {
    var options = Object.assign({}, json.publicKey || json);
    options.challenge = fromBase64url(options.challenge);
    options.user = Object.assign({}, options.user, { id: fromBase64url(options.user.id) });
    options.excludeCredentials = descriptors(options.excludeCredentials);
    return options;
  }

  function requestOptions(json) {
    var options = Object.assign({}, json.publicKey || json);
    options.challenge = fromBase64url(options.challenge);
    options.allowCredentials = descriptors(options.allowCredentials);
    return options;
  }

  /* Extension outputs may hold binary values (ArrayBuffer or views): those become base64url, as in toJSON(). */
  function plain(value) {
    if (value instanceof ArrayBuffer) {
      return toBase64url(value);
    }
    if (ArrayBuffer.isView(value)) {
      return toBase64url(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
    }
    if (Array.isArray(value)) {
      return value.map(plain);
    }
    if (value && typeof value === "object") {
      var copy = {};
      Object.keys(value).forEach(function (key) { copy[key] = plain(value[key]); });
      return copy;
    }
    return value;
  }

  /* The shape of PublicKeyCredential.toJSON(), built by hand for browsers without it. */
  function credentialJson(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: plain(credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}),
      response: { clientDataJSON: toBase64url(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toBase64url(response.attestationObject);
      if (typeof response.getTransports === "function") {
        json.response.transports = response.getTransports();
      }
    } else {
      json.response.authenticatorData = toBase64url(response.authenticatorData);
      json.response.signature = toBase64url(response.signature);
      json.response.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
    }
    return json;
  }

  async function ask(ceremony) {
    if (!(await available())) {
      throw failure("unsupported", "This browser cannot use passkeys.");
    }
    try {
      var credential = await ceremony();
    } catch (error) {
      if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) {
        throw failure("cancelled", error.message);
      }
      throw failure(error && error.name ? error.name : "unsupported", error && error.message);
    }
    if (!credential) {
      throw failure("cancelled");
    }
    return credentialJson(credential);
  }

  function available() {
    return Promise.resolve(typeof window.PublicKeyCredential === "function"
        && !!navigator.credentials && typeof navigator.credentials.create === "function");
  }

  async function register(name, options) {
    var publicKey = creationOptions(await post("passkeys/registration/options", {}, options));
    var credential = await ask(function () {
      return navigator.credentials.create({ publicKey: publicKey });
    });
    return post("passkeys/registration", { name: name, credential: credential }, options);
  }

  /* An assertion ceremony: options from <path>/options, the browser's answer to <path>. */
  async function assert(path, options) {
    var publicKey = requestOptions(await post(path + "/options", {}, options));
    var credential = await ask(function () {
      return navigator.credentials.get({ publicKey: publicKey });
    });
    return post(path, { credential: credential }, options);
  }

  function login(options) {
    return assert("login/passkey", options);
  }

  function reauthenticate(options) {
    return assert("reauthenticate/passkey", options);
  }

  window.usersessionPasskeys = {
    register: register, login: login, reauthenticate: reauthenticate, available: available
  };
})();
