// An answer sent before its request's body has all arrived — a refusal (too large, stalled, not a form) or the
// sign-in page for a post without a session — must still reach the client. Closing a socket while the client's
// bytes are still arriving makes the kernel reset it: the reset can overtake the answer, and the person sees
// "connection reset" instead of "Kiriman terlalu besar" (RFC 9112, section 9.6). Node, left alone, either does
// that (`Connection: close`) or reads the rest of the body to its end, however long it is. So, as nginx's
// lingering close does, the admin reads and drops what still comes once the answer is out, stops sending (FIN),
// and closes after a short while or a few megabytes, whichever comes first.

const MB = 1024 * 1024;

/** How long, and how much, the admin keeps reading after an early answer before it closes the connection. */
export const LINGER = { ms: 5_000, bytes: 8 * MB };

/** Closes `request`'s connection gently when `response` is out before the request's body has all arrived. */
export function closeGentlyAfterEarlyAnswer(request, response, linger = LINGER) {
  const socket = request.socket;
  // 'prefinish': the answer is handed to the socket, and Node has not yet chosen what to do with the rest of
  // the body; taking it here keeps Node from reading it to its end unseen.
  response.once('prefinish', () => {
    if (request.complete || socket.destroyed) return;
    const close = () => {
      clearTimeout(deadline);
      socket.destroy();
    };
    const deadline = setTimeout(close, linger.ms);
    deadline.unref();
    socket.once('close', () => clearTimeout(deadline));
    dropRestOfBody(request, linger.bytes, close);
    // The answer is out: nothing more will be sent on this connection.
    response.once('finish', () => socket.destroyed || socket.end());
  });
}

/** Reads what still comes of `request`'s body and drops it; `close` past `maxBytes`. */
function dropRestOfBody(request, maxBytes, close) {
  let dropped = 0;
  // Whoever was reading the body (a page) has let go of it; from here its bytes are only counted.
  request.removeAllListeners('readable');
  request.removeAllListeners('data');
  request.on('data', (chunk) => {
    dropped += chunk.length;
    if (dropped > maxBytes) close();
  });
  request.resume();
}
