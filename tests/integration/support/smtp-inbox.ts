import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP server in this process on a free port of 127.0.0.1 that keeps every message it receives, parsed. */
export interface SmtpInbox {
  port: number;
  messages: ParsedMail[];
  /** The first message (received or still to come) that `matches`. */
  waitFor(matches: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Stops listening: a send to the port is then refused, as from a mail server that is down. */
  close(): Promise<void>;
}

export const recipientsOf = (message: ParsedMail): string[] =>
  (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []).flatMap((to) =>
    to.value.map((address) => address.address ?? ''),
  );

export const startSmtpInbox = async (): Promise<SmtpInbox> => {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (message) => {
          messages.push(message);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    async waitFor(matches, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(matches);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no matching message within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
