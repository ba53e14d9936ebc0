/**
 * Plugins' outbound HTTP (decision 0019): a request a plugin hands over is read and held to its bounds
 * ({@link dev.scrollback.adapters.sandbox.http.RequestReader}), allowed only to the hosts its manifest names, resolved
 * once and refused when an address is not public ({@link dev.scrollback.adapters.sandbox.http.PublicAddresses}), and
 * made over HTTP/1.1 to exactly the address that was checked, on threads of its own with the plugin's thread only
 * waiting ({@link dev.scrollback.adapters.sandbox.http.OutboundHttp}). No redirects are followed; the response is read
 * to a bound.
 */
package dev.scrollback.adapters.sandbox.http;
