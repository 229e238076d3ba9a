'use strict';
// Preload for `node --require tools/loopback-only.js <tool>`: pins every TCP server the process opens to
// 127.0.0.1, whatever host the tool asks for. The Agents Playground listens on all interfaces by default;
// a local development tool must not be reachable from the network.
const net = require('net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (isPort(first)) {
    // listen(port[, host][, backlog][, callback])
    if (typeof args[1] === 'string' || args[1] === undefined || args[1] === null) {
      args[1] = LOOPBACK;
    } else {
      args.splice(1, 0, LOOPBACK);
    }
  } else if (first === undefined || first === null || typeof first === 'function') {
    // listen([callback]): a random port on all interfaces.
    args.splice(0, first === undefined || first === null ? 1 : 0, 0, LOOPBACK);
  } else if (typeof first === 'object' && first.path === undefined && first.fd === undefined && first._handle === undefined && !(first instanceof net.Server)) {
    // listen(options[, callback]) for TCP.
    args[0] = { ...first, host: LOOPBACK, ipv6Only: false };
  }
  // Unix sockets (path), handles and file descriptors are left alone: they are not network-reachable by host.
  return originalListen.apply(this, args);
};
