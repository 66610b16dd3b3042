import { request } from 'node:http';
import type { JsonBody } from './json-body';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: JsonBody;
}

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: not normalised, not re-encoded. */
  path: string;
  /** Header values are sent as given (latin-1); an array sends the header once per value. */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
}

/**
 * One HTTP request over node:http, for inputs fetch() refuses to send (raw paths, odd header bytes,
 * repeated headers, chunked bodies). Resolves with whatever the server answered.
 */
export const rawRequest = (baseUrl: string, init: RawRequest): Promise<RawResponse> => {
  const url = new URL(baseUrl);
  const body =
    init.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body, 'utf-8');
  const headers: Record<string, string | string[] | number> = { ...init.headers };
  if (body !== undefined && !init.chunked) headers['content-length'] = body.length;
  if (init.chunked) headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: init.method, path: init.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf-8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) {
      if (init.chunked) {
        // A few chunks, so the server cannot know the size up front.
        const step = Math.max(1, Math.ceil(body.length / 4));
        for (let offset = 0; offset < body.length; offset += step) req.write(body.subarray(offset, offset + step));
      } else {
        req.write(body);
      }
    }
    req.end();
  });
};
