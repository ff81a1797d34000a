/**
 * `tsx scripts/parse-lessons.ts <lessons dir> <out file>`: parse every lesson once at build time
 * (run by electron.vite.config.ts after the main build), so core's start-up reads the outcomes
 * instead of parsing (electron/core/lessons/parsed-lessons.ts).
 */
import { writeParsedLessons } from '../electron/core/lessons/parsed-lessons';

const [lessonsDir, file] = process.argv.slice(2);
if (!lessonsDir || !file) {
  console.error('usage: tsx scripts/parse-lessons.ts <lessons dir> <out file>');
  process.exit(2);
}
const count = writeParsedLessons(lessonsDir, file);
console.log(`parsed ${count} lessons into ${file}`);
