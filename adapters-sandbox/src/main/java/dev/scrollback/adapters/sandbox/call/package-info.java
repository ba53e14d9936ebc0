/**
 * How a call into untrusted code ends, whichever engine ran it: {@link dev.scrollback.adapters.sandbox.call.CallResult}
 * (returned, failed as the plugin said, or faulted as the sandbox decided, with a {@link
 * dev.scrollback.adapters.sandbox.call.FaultKind}), and the bounded log the call left.
 */
package dev.scrollback.adapters.sandbox.call;
