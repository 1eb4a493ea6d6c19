/**
 * The global object. The runtime's functions refer to it as `platform`; in an inlined copy, `platform` is the
 * parameter its wrapper is given `globalThis` by.
 */
export var platform: any = globalThis;

/** Any WebSocket of the platform's: one the program made, or one that came from elsewhere. */
export function isSocket(value: unknown): boolean {
  return platform.WebSocket && value instanceof platform.WebSocket;
}
