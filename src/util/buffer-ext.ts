// Node's Buffer has fast latin1 slicing (what toString('latin1', a, b) calls
// after argument checks); its typings just don't declare it.

declare global {
  interface Buffer {
    latin1Slice(start?: number, end?: number): string;
  }
}

export {};
