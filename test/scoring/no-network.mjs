// Loaded with `node --import` into a CLI child process: appends every outgoing network (TCP)
// connection the process attempts to the file named by PA_NETWORK_LOG, so a test can assert there
// were none. Unix-domain sockets (tsx talks to its own pipe) are local IPC, not network, and are skipped.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.PA_NETWORK_LOG;
if (log) {
  appendFileSync(log, '');
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const isPipe =
      (first && typeof first === 'object' && 'path' in first) ||
      (typeof first === 'string' && Number.isNaN(Number(first)));
    if (!isPipe) appendFileSync(log, `${JSON.stringify(first) ?? 'connect'}\n`);
    return original.apply(this, args);
  };
}
