// The seam between the command router and the outside world. A transport turns bytes
// into requests, hands them to the router, and decides which clients get which events.

export interface RequestContext {
  /** Stdio always receives events; a socket connection only after it asks or authenticates. */
  subscribe(): void;
}

export interface ReadyInfo {
  [key: string]: unknown;
}

export interface Transport {
  /** Starts serving; resolves once clients can connect, with what the ready line reports. */
  start(): Promise<ReadyInfo>;
  /** Stops accepting and drops connections; resolves when nothing is left open. */
  close(): Promise<void>;
}
