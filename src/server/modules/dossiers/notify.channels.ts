/**
 * Channel adapters of the notification outbox: e-mail over SMTP (nodemailer) and SMS through an
 * HTTP gateway. In-app messages need no adapter: storing the row delivers them. A channel without
 * configuration has no adapter, and its messages stay in the outbox as `pending_dev`.
 */
import nodemailer from 'nodemailer';
import type { NotifyConfig } from '../../config.js';
import { PermanentDeliveryError, smsText, toVnE164 } from './notify.sms-text.js';

/** One outbox row as a channel sees it; `ref` is the row id, stable across retries. */
export interface OutboundMessage {
  ref: string;
  to: string;
  subject: string;
  body: string;
}

export interface NotificationChannel {
  send(msg: OutboundMessage): Promise<{ providerId?: string }>;
  /** Release pooled connections, if any. */
  close?(): void;
}

/** Adapters by outbox `channel` value (email | sms). */
export type NotificationChannels = Partial<Record<'email' | 'sms', NotificationChannel>>;

const SMS_TIMEOUT_MS = 10_000;
/** Gateway answers that refuse this message itself: retrying cannot help. */
const PERMANENT_HTTP = new Set([400, 413, 422]);

export class SmtpChannel implements NotificationChannel {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;
  private readonly domain: string;

  constructor(private readonly config: { url: string; from: string }) {
    this.transport = nodemailer.createTransport({ url: config.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'congvu.local';
  }

  async send(msg: OutboundMessage): Promise<{ providerId?: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: msg.to,
        subject: msg.subject.normalize('NFC'),
        text: msg.body.normalize('NFC'),
        textEncoding: 'quoted-printable',
        // the same Message-ID on every attempt lets a receiving system drop a duplicate
        messageId: `<${msg.ref}@${this.domain}>`,
      });
      return { providerId: String(info.messageId) };
    } catch (error) {
      // nodemailer marks 5xx replies (unknown mailbox, refused address) as permanent
      if (error instanceof Error && (error as { permanent?: boolean }).permanent) throw new PermanentDeliveryError(error.message, { cause: error });
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}

export class HttpSmsChannel implements NotificationChannel {
  constructor(private readonly config: { url: string; token: string; stripDiacritics: boolean }) {}

  async send(msg: OutboundMessage): Promise<{ providerId?: string }> {
    const payload = { to: toVnE164(msg.to), text: smsText(msg.body, { stripDiacritics: this.config.stripDiacritics }), ref: msg.ref };
    const res = await fetch(this.config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${this.config.token}` },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok) {
      const message = `SMS gateway HTTP ${res.status}: ${text.slice(0, 200)}`;
      throw PERMANENT_HTTP.has(res.status) ? new PermanentDeliveryError(message) : new Error(message);
    }
    return { providerId: providerIdOf(text) };
  }
}

function providerIdOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const id = body.id ?? body.messageId ?? body.message_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/** The adapters the configuration allows; none in development. */
export function buildChannels(config: NotifyConfig): NotificationChannels {
  return {
    ...(config.smtp ? { email: new SmtpChannel(config.smtp) } : {}),
    ...(config.sms ? { sms: new HttpSmsChannel(config.sms) } : {}),
  };
}
