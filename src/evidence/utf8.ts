/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
 * encoded surrogates and code points past U+10FFFF are not well-formed), or -1. Used only to say
 * where a file that TextDecoder refused goes wrong.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      if (byte === undefined) return index;
      const min = offset === 1 ? low : 0x80;
      const max = offset === 1 ? high : 0xbf;
      if (byte < min || byte > max) return index;
    }
    index += length;
  }
  return -1;
}
