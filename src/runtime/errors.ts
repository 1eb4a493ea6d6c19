/* eslint-disable prefer-rest-params, no-var */
import { platform } from "./platform.js";
import type { FileRuntime, PythonErrorClass } from "./types.js";

/**
 * Raises the exception class `name` as the file's program knows it: its own class (`file[name]`), else what a free
 * reference to that name means (a global of the page; TypeError is the platform's), else an Error so named.
 */
export function raise(file: FileRuntime, name: keyof FileRuntime & string, message: string): never {
  var ErrorClass = file[name] || platform[name];
  if (ErrorClass) throw new ErrorClass(message);
  var error = platform.Error(message);
  error.name = name;
  throw error;
}

/**
 * The runtime's class `name` (NotImplementedError, ConnectionError, ValueError), for programs that do not define it:
 * one class per name, base and copy of the runtime (Transcrypt's modules share one imported copy).
 * - On a Transcrypt class (`base.__metaclass__`), it is made as Transcrypt makes a subclass, so that Transcrypt's
 *   `isinstance` and `except` know it by its `__bases__`.
 * - Otherwise it is a real Error (`except Exception` is `instanceof Error` in RapydScript-ng), a subclass of the
 *   program's `Exception` where it has one (so that `isinstance(e, Exception)` holds), and works with and without
 *   `new` (RapydScript-ng calls classes it does not know without it).
 */
export function errorClass(name: string, base?: any): PythonErrorClass {
  var Base: any = base || platform.Error;
  var classes = (errorClass as any).classes || ((errorClass as any).classes = []);
  for (var i = 0; i < classes.length; i++) if (classes[i].name == name && classes[i].base == Base) return classes[i].made;
  var made: any;
  if (Base.__metaclass__) {
    made = Base.__metaclass__.__new__(Base.__metaclass__, name, [Base], {});
  } else {
    made = function (message?: string): Error {
      // The program's Exception may get its prototype after this class was made (RapydScript-ng's ρσ_extends runs
      // after the runtime object is declared): link to the one it has now.
      platform.Object.setPrototypeOf(made.prototype, Base.prototype);
      return platform.Object.setPrototypeOf(platform.Error(message), made.prototype);
    };
    platform.Object.defineProperty(made, "name", { value: name });
    made.prototype = platform.Object.create(Base.prototype, {
      name: { value: name, writable: true, configurable: true },
      constructor: { value: made, writable: true, configurable: true },
    });
  }
  classes.push({ name: name, base: Base, made: made });
  return made;
}

/**
 * The Python type of a value, for TypeError messages: NoneType, bool, int, float, str, list, dict, function, or the
 * class of an object (Transcrypt's `__class__`, which also tells a tuple from a list; else its constructor's name).
 */
export function typeName(value: any): string {
  var type = value == null ? "NoneType" : typeof value;
  if (type == "number") return value % 1 ? "float" : "int";
  if (type != "object") return ({ boolean: "bool", string: "str" } as any)[type] || type;
  // (RapydScript-ng's lists are arrays with a constructor of its own.)
  var name = value.__class__ ? value.__class__.__name__ : platform.Array.isArray(value) ? "list" : value.constructor ? value.constructor.name : "dict";
  return name == "Object" ? "dict" : name;
}
