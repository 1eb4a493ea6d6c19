/**
 * The global object. The runtime's functions refer to it as `platform`; in an inlined copy, `platform` is the
 * parameter its wrapper is given `globalThis` by.
 */
export var platform: any = globalThis;
