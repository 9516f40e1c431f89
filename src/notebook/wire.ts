// The Jupyter messaging wire format (protocol 5.3): a message travels as ZeroMQ frames
//   [routing identities..., "<IDS|MSG>", HMAC signature, header, parent_header, metadata, content, buffers...]
// and the signature is HMAC-SHA256 over the four JSON frames, hex-encoded, with the key from the
// connection file.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

const DELIMITER = Buffer.from("<IDS|MSG>");
const PROTOCOL_VERSION = "5.3";

export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface Message<C = { [key: string]: unknown }> {
  header: MessageHeader;
  /** The header of the request this message answers, or {} for unsolicited messages. */
  parent_header: Partial<MessageHeader>;
  metadata: { [key: string]: unknown };
  content: C;
  buffers: Buffer[];
}

export function sign(key: string, parts: readonly (string | Buffer)[]): string {
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

export function newMessage<C>(msgType: string, content: C, session: string, parent?: MessageHeader): Message<C> {
  return {
    header: {
      msg_id: randomUUID(),
      session,
      username: "nnlab",
      date: new Date().toISOString(),
      msg_type: msgType,
      version: PROTOCOL_VERSION,
    },
    parent_header: parent ?? {},
    metadata: {},
    content,
    buffers: [],
  };
}

/** The frames to send for `msg`, signed with `key` (an empty key means unsigned, as Jupyter allows). */
export function serialize(msg: Message<unknown>, key: string, identities: Buffer[] = []): Buffer[] {
  const parts = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) => Buffer.from(JSON.stringify(p)));
  const signature = key ? sign(key, parts) : "";
  return [...identities, DELIMITER, Buffer.from(signature), ...parts, ...msg.buffers];
}

export class SignatureError extends Error {}

/**
 * Parses received frames. Everything before the delimiter is routing identity (for iopub, the
 * subscription topic) and is returned separately. Throws SignatureError when the HMAC does not match.
 */
export function deserialize(frames: Buffer[], key: string): { identities: Buffer[]; msg: Message } {
  const delim = frames.findIndex((f) => f.equals(DELIMITER));
  if (delim < 0 || frames.length < delim + 6) throw new Error("malformed Jupyter message: no delimiter or missing frames");
  const [signature, header, parent, metadata, content] = frames.slice(delim + 1, delim + 6);
  if (key) {
    const expected = Buffer.from(sign(key, [header, parent, metadata, content]));
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      throw new SignatureError("invalid message signature");
    }
  }
  return {
    identities: frames.slice(0, delim),
    msg: {
      header: JSON.parse(header.toString("utf8")),
      parent_header: JSON.parse(parent.toString("utf8")),
      metadata: JSON.parse(metadata.toString("utf8")),
      content: JSON.parse(content.toString("utf8")),
      buffers: frames.slice(delim + 6),
    },
  };
}
