/* eslint-disable prefer-rest-params, no-var */
import { raise } from "./errors.js";
import { platform } from "./platform.js";
import type { FileRuntime } from "./types.js";

/**
 * Python's argument binding for `fname(*names)`: the positional values, then an optional trailing keyword object:
 * Transcrypt's (marked by its own `__kwargtrans__` property) or RapydScript-ng's (marked by its script's symbol
 * "kwargs-object"; RapydScript-ng passes it as it is to a function without `__argnames__`, as the runtime's are, so
 * that an unknown keyword or one given twice raises TypeError here, as in Python).
 */
export function pythonArguments(file: FileRuntime, fname: string, names: string[], args: ArrayLike<unknown>): any[] {
  var values: any[] = [].slice.call(args);
  var last = values[values.length - 1];
  var keywords =
    last &&
    typeof last == "object" &&
    (platform.Object.prototype.hasOwnProperty.call(last, "__kwargtrans__") ||
      platform.Object.getOwnPropertySymbols(last).some(function (symbol: symbol) {
        return symbol.toString() == "Symbol(kwargs-object)" && last[symbol] === true;
      })) &&
    values.pop();
  var prefix = fname + "() ";
  if (values.length > names.length) {
    raise(file, "TypeError", prefix + "takes at most " + names.length + " argument" + (names.length > 1 ? "s" : "") + " (" + values.length + " given)");
  }
  // Keywords come in any order: each is checked against the positional values given, and against the keywords before it.
  var given = values.length;
  var named: boolean[] = [];
  for (var key in keywords) {
    if (key == "__kwargtrans__" || key == "constructor") continue;
    // url= and host= both name the first parameter of websocket(host) and WebSocket(url).
    var index = names.indexOf(key == "url" && names[0] == "host" ? "host" : key == "host" && names[0] == "url" ? "url" : key);
    if (index < 0) raise(file, "TypeError", prefix + "got an unexpected keyword argument '" + key + "'");
    if (index < given || named[index]) raise(file, "TypeError", prefix + "got multiple values for argument '" + key + "'");
    named[index] = true;
    values[index] = keywords[key];
  }
  return values;
}

/**
 * A Python function `fname(*names)` that binds its arguments (keywords in either transpiler's form) and calls `body`
 * with them: what the runtime gives for `websocket`, `WebSocket`, and a socket's methods read as values.
 */
export function pythonFunction(file: FileRuntime, fname: string, names: string[], body: (values: any[]) => any): any {
  return function (): unknown {
    return body(pythonArguments(file, fname, names, arguments));
  };
}
