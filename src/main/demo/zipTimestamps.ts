/**
 * Sets every entry's modification time in a zip archive (an .xlsx) to one fixed moment.
 * exceljs zips with JSZip, which stamps each entry with the time of writing and offers no way to
 * choose it; without this the demo's Excel files would differ from run to run and the same seed
 * would not give the same bytes. The stamps live in two places per entry (the local header and
 * the central directory), both as MS-DOS date and time fields.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** MS-DOS time and date (2-second resolution, years from 1980), read as UTC. */
function dosStamp(moment: Date): { time: number; date: number } {
  return {
    time:
      (moment.getUTCHours() << 11) |
      (moment.getUTCMinutes() << 5) |
      Math.floor(moment.getUTCSeconds() / 2),
    date:
      ((moment.getUTCFullYear() - 1980) << 9) |
      ((moment.getUTCMonth() + 1) << 5) |
      moment.getUTCDate(),
  };
}

function endOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = zip.length - END_RECORD_SIZE; at >= lowest; at--)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new Error('not a zip archive: no end of central directory record');
}

/** Rewrites the stamps in place and returns the same buffer. */
export function fixZipTimestamps(zip: Buffer, moment: Date): Buffer {
  const { time, date } = dosStamp(moment);
  const end = endOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new Error(`zip central directory entry ${entry} is damaged`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER)
      throw new Error(`zip local header of entry ${entry} is damaged`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
