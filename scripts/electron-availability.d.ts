/** Types for electron-availability.js (plain JS so `npm start` runs before anything is built). */
export function electronBinary(root: string): string | null;
export function whyNoWindow(root: string, env?: Record<string, string | undefined>, platform?: NodeJS.Platform): string | null;
