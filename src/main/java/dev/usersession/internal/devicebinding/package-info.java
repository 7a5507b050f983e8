/**
 * Device Bound Session Credentials (DBSC): a browser that supports them binds its session to a key pair it keeps
 * (in hardware where it can), and keeps a short-lived bound cookie fresh by signing a challenge with that key. A
 * session cookie copied off the device is then refused once the copied bound cookie has expired. {@link
 * dev.usersession.internal.devicebinding.DeviceBindings} offers, registers, refreshes and checks bindings;
 * {@link dev.usersession.internal.devicebinding.BindingProof} and {@link dev.usersession.internal.devicebinding.BrowserKey}
 * read and verify what the browser sends, with the JDK's own cryptography only.
 */
package dev.usersession.internal.devicebinding;
