import { createWriteStream } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../core/errors/domain-error';

export interface FetchSettings {
  allowPrivate: boolean;
  perSecond: number;
}

const TIMEOUT_MS = 30_000;
const REDIRECTS = 3;

const refused = (reason: string) =>
  new DomainError('UNPROCESSABLE_FILE', `Berkas tidak dapat diambil: ${reason}`);

/**
 * Fetches an old site's files from its address for the WordPress import, when no uploads archive was given (and
 * the platform turned it on). Every connection goes through request-filtering-agent, which checks the address it
 * actually connects to — private, loopback, link-local and metadata addresses are refused (unless allowed for a
 * site on the city's own network), also when a name resolves there only at connect time or a redirect points
 * there. Plain http(s) only, three redirects at most, 30 s per file, the size capped while streaming, and paced
 * to `perSecond` requests so the old server is not flooded.
 */
export class UploadsFetcher {
  private next = 0;

  constructor(private readonly settings: FetchSettings) {}

  /** Writes the file at `url` to `toFile`; returns its size, or throws the reason in Bahasa Indonesia. */
  async fetchTo(url: string, toFile: string, maxBytes: number): Promise<number> {
    let address = url;
    for (let hop = 0; hop <= REDIRECTS; hop++) {
      const response = await this.request(address);
      const location = response.headers.location;
      if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        address = new URL(location, address).toString();
        continue;
      }
      if (response.statusCode !== 200) {
        response.resume();
        throw refused(`situs lama menjawab ${response.statusCode ?? 'tanpa status'}`);
      }
      if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
        response.resume();
        throw refused('berkas terlalu besar');
      }
      return this.save(response, toFile, maxBytes);
    }
    throw refused('terlalu banyak pengalihan');
  }

  private async request(address: string): Promise<IncomingMessage> {
    const url = new URL(address);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw refused(`alamat ${url.protocol} tidak didukung`);
    await this.turn();
    const { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } = await import('request-filtering-agent');
    const filter = { allowPrivateIPAddress: this.settings.allowPrivate };
    const https = url.protocol === 'https:';
    const agent = https ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
    return new Promise((resolve, reject) => {
      const request = (https ? httpsGet : httpGet)(url, { agent, timeout: TIMEOUT_MS }, resolve);
      request.on('timeout', () => request.destroy(refused('situs lama tidak menjawab')));
      request.on('error', (error) =>
        reject(
          error instanceof DomainError
            ? error
            : refused(
                /private|meta/i.test(error.message)
                  ? 'alamat privat ditolak'
                  : 'situs lama tidak dapat dihubungi',
              ),
        ),
      );
    });
  }

  /** Waits for this fetcher's next turn: requests go out `perSecond` at most. */
  private async turn(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.settings.perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private async save(response: IncomingMessage, toFile: string, maxBytes: number): Promise<number> {
    let written = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > maxBytes ? refused('berkas terlalu besar') : null, chunk);
      },
    });
    await pipeline(response, counted, createWriteStream(toFile));
    return written;
  }
}
