/**
 * The public port of a server on several threads. Node's worker threads
 * cannot share a listening socket, so this thread accepts each connection
 * and pipes it, as it is, to the loopback port of one worker (the one with
 * the fewest connections, in turn among equals). Bytes are not parsed here:
 * HTTP, keep-alive and timeouts stay the workers' (src/web/server.ts).
 *
 * A connection whose worker stops while a request waits on it is answered
 * 503 with a French message (never dropped silently); one that finds no
 * worker running gets the same answer at once.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A worker as the front sees it. */
export interface Upstream {
  id: number;
  /** Its loopback port, null while it starts or restarts. */
  port: number | null;
  /** Connections piped to it now. */
  active: number;
}

const UNAVAILABLE_BODY = 'Service momentanément indisponible : un processus de recherche redémarre. Réessayez dans un instant.\n';
const UNAVAILABLE = Buffer.from(
  'HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\n' +
    `Content-Length: ${Buffer.byteLength(UNAVAILABLE_BODY)}\r\n\r\n${UNAVAILABLE_BODY}`,
);
/** Workers tried for one connection before answering 503 (one may stop between the choice and the connect). */
const CONNECT_TRIES = 3;

function unavailable(client: Socket): void {
  if (!client.destroyed) client.end(UNAVAILABLE);
}

/** The worker to pipe a connection to: the fewest connections, in turn among equals; null when none runs. */
export function pickUpstream(upstreams: readonly Upstream[], turn: number, exclude: ReadonlySet<number>): Upstream | null {
  let best: Upstream | null = null;
  for (let k = 0; k < upstreams.length; k++) {
    const u = upstreams[(turn + k) % upstreams.length];
    if (u.port === null || exclude.has(u.id)) continue;
    if (!best || u.active < best.active) best = u;
  }
  return best;
}

/** A TCP server that pipes each connection to one of `upstreams` (read at each connection: workers come and go). */
export function createFront(upstreams: readonly Upstream[], maxConnections: number): Server {
  let turn = 0;
  const front = createServer({ pauseOnConnect: true, allowHalfOpen: true }, (client) => {
    client.on('error', () => client.destroy());
    client.setNoDelay(true);
    const tried = new Set<number>();
    const attempt = () => {
      if (client.destroyed) return;
      const upstream = tried.size < CONNECT_TRIES ? pickUpstream(upstreams, turn++, tried) : null;
      if (!upstream) return unavailable(client);
      tried.add(upstream.id);
      const socket = connect({ port: upstream.port!, host: '127.0.0.1', allowHalfOpen: true });
      socket.setNoDelay(true);
      let connected = false;
      socket.once('connect', () => {
        connected = true;
        pipeConnection(client, socket, upstream, attempt);
      });
      socket.once('error', () => {
        // Refused before any byte went through: another worker takes the connection.
        if (!connected) attempt();
      });
    };
    attempt();
  });
  front.maxConnections = maxConnections;
  return front;
}

/**
 * Pipes client <-> upstream until either closes. A request left unanswered
 * by a worker that stopped gets a 503; a connection on which nothing went
 * either way yet (its worker stopped at once) goes to another (`reroute`).
 */
function pipeConnection(client: Socket, socket: Socket, upstream: Upstream, reroute: () => void): void {
  upstream.active++;
  // A request is waiting when the client sent bytes the worker has not answered yet.
  let waiting = false;
  let used = false;
  let done = false;
  const fromClient = (chunk: Buffer) => {
    waiting = used = true;
    if (!socket.write(chunk)) client.pause();
  };
  const clientDrained = () => socket.resume();
  const clientEnded = () => socket.end();
  const clientClosed = () => {
    finish();
    socket.destroy();
  };
  client.on('data', fromClient);
  client.on('drain', clientDrained);
  client.on('end', clientEnded);
  client.on('close', clientClosed);
  socket.on('drain', () => client.resume());
  socket.on('data', (chunk) => {
    waiting = false;
    used = true;
    if (!client.write(chunk)) socket.pause();
  });
  const finish = () => {
    if (done) return;
    done = true;
    upstream.active--;
  };
  // The worker closed its side (or stopped, the connection reset).
  const upstreamGone = () => {
    if (done) return;
    finish();
    if (client.destroyed) return;
    if (!used) {
      client.pause();
      client.off('data', fromClient).off('drain', clientDrained).off('end', clientEnded).off('close', clientClosed);
      reroute();
    } else if (waiting) unavailable(client);
    else client.end();
  };
  socket.on('end', upstreamGone);
  socket.on('close', upstreamGone);
  socket.on('error', () => socket.destroy());
  client.resume();
}
