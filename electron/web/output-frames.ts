/**
 * Encodes terminal output for the browser's output stream, one frame per `terminal.data`
 * event: u8 id length | id | u32 big-endian data length | data, all UTF-8 (the layout is
 * described beside OUTPUT_STREAM_PATH in the contract; the page decodes it in
 * renderer/src/api/output-frames.ts).
 */

import { OUTPUT_FRAME_MAX_ID_BYTES } from '../core/contract/protocol';

export function encodeOutputFrame(id: string, data: string): Buffer {
  const idBytes = Buffer.byteLength(id);
  if (idBytes > OUTPUT_FRAME_MAX_ID_BYTES) throw new RangeError(`a terminal id of ${idBytes} bytes does not fit an output frame`);
  const dataBytes = Buffer.byteLength(data);
  const frame = Buffer.allocUnsafe(1 + idBytes + 4 + dataBytes);
  frame.writeUInt8(idBytes, 0);
  frame.write(id, 1, 'utf8');
  frame.writeUInt32BE(dataBytes, 1 + idBytes);
  frame.write(data, 1 + idBytes + 4, 'utf8');
  return frame;
}
