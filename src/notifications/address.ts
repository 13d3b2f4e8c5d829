// ZeroMQ endpoint addresses an operator may give for the notify broker: `tcp://HOST:PORT` (HOST an
// IPv4 address, a name, `*` for every interface, or `[IPv6]`) or `ipc://PATH` (a Unix socket).
// Checked before binding, so a typo is a usage error naming the address rather than a bind failure.

export class NotifyAddressError extends Error {
  override readonly name = 'NotifyAddressError';
}

/** A Unix socket path must fit `sockaddr_un.sun_path` (108 bytes with the terminating NUL). */
const MAX_IPC_PATH_BYTES = 107;

/** Returns the address unchanged if it is one ZeroMQ can bind; throws NotifyAddressError if not. */
export function checkNotifyAddress(address: string): string {
  const tcp = /^tcp:\/\/(\*|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(address);
  if (tcp !== null) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) throw new NotifyAddressError(`'${address}': the port must be 1-65535`);
    return address;
  }
  if (address.startsWith('ipc://')) {
    const file = address.slice('ipc://'.length);
    if (file.length === 0) throw new NotifyAddressError(`'${address}': the ipc address needs a path`);
    if (Buffer.byteLength(file) > MAX_IPC_PATH_BYTES) {
      throw new NotifyAddressError(`'${address}': an ipc path may be at most ${MAX_IPC_PATH_BYTES} bytes long`);
    }
    return address;
  }
  throw new NotifyAddressError(`'${address}' is not tcp://HOST:PORT or ipc://PATH`);
}
