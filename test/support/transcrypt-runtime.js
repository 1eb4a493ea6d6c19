// A TEST STAND-IN for Transcrypt 3.9.5's runtime (org.transcrypt.__runtime__.js), written for this
// project's end-to-end tests; it is not Transcrypt's code. Transcrypt's modules import ~150 names from
// their runtime, so every one of them is exported here; the ones the test programs use (the class model,
// exceptions, keyword arguments, print/str/repr, lists, bytes) behave like Python, and the
// rest are small but honest approximations. Copy it beside a Transcrypt module as
// ./org.transcrypt.__runtime__.js.

export const __envir__ = {
  interpreter_name: "python",
  transpiler_name: "transcrypt",
  transpiler_version: "3.9.5 (test stand-in)",
  target_subdir: "__target__",
};

// --- Class model ---------------------------------------------------------------------------------------
// A class is a function (callable with or without `new`) that is also the prototype of its instances;
// Transcrypt writes methods as getters that bind the instance through __get__.

export function __get__(self, func) {
  // Read off a class (a function): the plain function, `Cls.method(obj, ...)`. Read off an instance: bound, as
  // Transcrypt binds it: a new plain function at each read, with nothing on it that tells its object or function.
  if (typeof self === "function") return func;
  return (...args) => func(self, ...args);
}

// classmethod and staticmethod getters.
export function __getcm__(self, func) {
  const cls = typeof self === "function" ? self : self.__class__;
  return (...args) => func(cls, ...args);
}
export function __getsm__(self, func) {
  return func;
}

function makeInstance(cls, args) {
  const self = Object.create(cls);
  Object.defineProperty(self, "__class__", { value: cls, writable: true, configurable: true });
  self.__init__(...args);
  return self;
}

// The metaclass of every class, as Transcrypt's: each class names it as its `__metaclass__`, and its
// `__new__(meta, name, bases, extra)` makes a class; `__class__(...)` (what Transcrypt writes for a class statement)
// calls it, so code that makes a subclass of a program's class at run time makes it the same way.
export const py_metatype = {
  __name__: "type",
  __bases__: [],
  __new__(meta, name, bases, extra) {
    const cls = function (...args) {
      return makeInstance(cls, args);
    };
    if (bases.length > 0) Object.setPrototypeOf(cls, bases[0]);
    for (const base of bases.slice(1)) __mergefields__(cls, base);
    Object.defineProperties(cls, Object.getOwnPropertyDescriptors(extra));
    const shown = name.startsWith("py_") ? name.slice(3) : name;
    Object.defineProperties(cls, {
      __metaclass__: { value: meta, writable: true, configurable: true },
      __name__: { value: shown, writable: true, configurable: true },
      __bases__: { value: bases, writable: true, configurable: true },
      __qualname__: { value: shown, writable: true, configurable: true },
    });
    return cls;
  },
};
py_metatype.__metaclass__ = py_metatype;

export function __class__(name, bases, extra, meta) {
  const metaclass = meta === undefined ? (bases.length > 0 ? bases[0].__metaclass__ : py_metatype) : meta;
  return metaclass.__new__(metaclass, name, bases, extra);
}

// The root class. Instances inherit Function.prototype through it (as with Transcrypt's own), so it
// supplies a toString that does not throw.
export const object = __class__("object", [], {
  __module__: "builtins",
  get __init__() {
    return __get__(this, function (self) {});
  },
  toString() {
    return typeof this === "function" ? `<class '${this.__name__}'>` : `<${this.__class__.__name__} object>`;
  },
});


// Copies the fields of `source` (another base class) that `target` lacks.
export function __mergefields__(target, source) {
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(source))) {
    if (!(key in target) && key !== "prototype") Object.defineProperty(target, key, descriptor);
  }
}

// super(): the named method of the first base that has it, unbound (called with self first).
export function __super__(cls, name) {
  for (const base of cls.__bases__) {
    if (name in base) return base[name];
  }
  throw AttributeError(`'super' object has no attribute '${name}'`);
}

export function property(getter, setter) {
  return {
    get() {
      return getter(this);
    },
    set(value) {
      if (!setter) throw AttributeError("can't set attribute");
      setter(this, value);
    },
    enumerable: true,
    configurable: true,
  };
}

export function __setproperty__(target, name, descriptor) {
  if (!Object.prototype.hasOwnProperty.call(target, name)) Object.defineProperty(target, name, descriptor);
}

export function __specialattrib__(name) {
  return name.startsWith("__") && name.endsWith("__");
}

export function __nest__(headObject, tailNames, value) {
  let current = headObject;
  const names = tailNames === "" ? [] : tailNames.split(".");
  names.forEach((name, index) => {
    if (index === names.length - 1) current[name] = Object.assign(current[name] || {}, value);
    else current = current[name] = current[name] || {};
  });
  return headObject;
}

export function __init__(module) {
  return module;
}

export function __pragma__() {}

// --- Exceptions ----------------------------------------------------------------------------------------

export const BaseException = __class__("BaseException", [object], {
  __module__: "builtins",
  get __init__() {
    return __get__(this, function (self, ...args) {
      self.__args__ = tuple(args);
      self.stack = new Error(exceptionMessage(self)).stack;
    });
  },
  get __str__() {
    return __get__(this, function (self) {
      return exceptionMessage(self);
    });
  },
  get __repr__() {
    return __get__(this, function (self) {
      return `${self.__class__.__name__}(${self.__args__.map(repr).join(", ")})`;
    });
  },
  toString() {
    return typeof this === "function" ? `<class '${this.__name__}'>` : `${this.__class__.__name__}: ${exceptionMessage(this)}`;
  },
});

function exceptionMessage(error) {
  const args = error.__args__ || [];
  if (args.length === 0) return "";
  if (args.length === 1) return str(args[0]);
  return repr(args);
}

function exceptionClass(name, base) {
  return __class__(name, [base], { __module__: "builtins" });
}

export const Exception = exceptionClass("Exception", BaseException);
export const IterableError = exceptionClass("IterableError", Exception);
export const AssertionError = exceptionClass("AssertionError", Exception);
export const AttributeError = exceptionClass("AttributeError", Exception);
export const IndexError = exceptionClass("IndexError", Exception);
export const KeyError = exceptionClass("KeyError", Exception);
export const NotImplementedError = exceptionClass("NotImplementedError", Exception);
export const StopIteration = exceptionClass("StopIteration", Exception);
export const ValueError = exceptionClass("ValueError", Exception);
export const py_TypeError = exceptionClass("TypeError", Exception);
export const Warning = exceptionClass("Warning", Exception);
export const UserWarning = exceptionClass("UserWarning", Warning);
export const DeprecationWarning = exceptionClass("DeprecationWarning", Warning);
export const RuntimeWarning = exceptionClass("RuntimeWarning", Warning);

export function assert(condition, message) {
  if (!condition) throw AssertionError(...(message === undefined ? [] : [message]));
}

// --- Keyword arguments ---------------------------------------------------------------------------------
// `f(a, x=1)` compiles to `f(a, __kwargtrans__({x: 1}))`: the last argument, marked by an own
// `__kwargtrans__` property.

export function __kwargtrans__(keywords) {
  keywords.__kwargtrans__ = null;
  return keywords;
}

function isKeywords(value) {
  return value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, "__kwargtrans__");
}

function splitKeywords(args) {
  return args.length > 0 && isKeywords(args[args.length - 1])
    ? [args.slice(0, -1), args[args.length - 1]]
    : [args, {}];
}

export function __mergekwargtrans__(first, second) {
  return __kwargtrans__(Object.assign({}, first, second));
}

// Transcrypt's positional/keyword bookkeeping helpers (only needed by functions that take keywords).
export const __i__ = (any) => (py_typeof(any) === dict ? any.py_keys() : any);
export const __k__ = (keyed, key) => {
  const value = keyed[key];
  if (value === undefined) throw KeyError(key);
  return value;
};
export const __t__ = (target) => target !== undefined && target !== null && target !== false && len(target) !== 0;

// --- Types and conversions -----------------------------------------------------------------------------

function pythonClass(name, check) {
  const cls = function (...args) {
    return cls.__call__(...args);
  };
  cls.__name__ = name;
  cls.__check__ = check;
  return cls;
}

export const str = pythonClass("str", (value) => typeof value === "string");
str.__call__ = (value = "") => {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value.__str__ === "function") return value.__str__();
  return repr(value);
};

export function repr(value) {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/'/g, "\\'")}'`;
  if (typeof value === "number") return String(value);
  if (typeof value === "function") return value.__name__ ? `<class '${value.__name__}'>` : `<function ${value.name}>`;
  if (typeof value.__repr__ === "function") return value.__repr__();
  if (value instanceof Uint8Array) return `b'${Array.from(value, (byte) => "\\x" + byte.toString(16).padStart(2, "0")).join("")}'`;
  if (Array.isArray(value)) {
    const items = value.map(repr).join(", ");
    if (value.__class__ === tuple) return value.length === 1 ? `(${items},)` : `(${items})`;
    return `[${items}]`;
  }
  if (value.__class__ && value.__class__.__name__) return `<${value.__class__.__name__} object>`;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.keys(value).filter((key) => key !== "__kwargtrans__").map((key) => `${repr(key)}: ${repr(value[key])}`).join(", ")}}`;
  }
  return String(value);
}

export const int = pythonClass("int", (value) => typeof value === "number" && Number.isInteger(value));
int.__call__ = (value = 0, base = 10) => {
  const result = typeof value === "string" ? parseInt(value, base) : Math.trunc(Number(value));
  if (Number.isNaN(result)) throw ValueError(`invalid literal for int() with base ${base}: ${repr(value)}`);
  return result;
};

export const float = pythonClass("float", (value) => typeof value === "number");
float.__call__ = (value = 0) => {
  const result = Number(value);
  if (Number.isNaN(result) && String(value).toLowerCase() !== "nan") throw ValueError(`could not convert string to float: ${repr(value)}`);
  return result;
};

export const bool = pythonClass("bool", (value) => typeof value === "boolean");
bool.__call__ = (value) => __t__(value);

export const list = pythonClass("list", (value) => Array.isArray(value) && value.__class__ !== tuple);
list.__call__ = (iterable = []) => Array.from(pythonIterable(iterable));

export const tuple = pythonClass("tuple", (value) => Array.isArray(value) && value.__class__ === tuple);
tuple.__call__ = (iterable = []) => {
  const result = Array.from(pythonIterable(iterable));
  Object.defineProperty(result, "__class__", { value: tuple, writable: true, configurable: true });
  return result;
};

export const set = pythonClass("set", (value) => value instanceof Set);
set.__call__ = (iterable = []) => new Set(pythonIterable(iterable));

// Dicts are plain objects, with the Python methods the programs may call.
const dictMethods = {
  keys() { return Object.keys(this); },
  py_keys() { return Object.keys(this); },
  values() { return Object.keys(this).map((key) => this[key]); },
  py_values() { return Object.keys(this).map((key) => this[key]); },
  items() { return Object.keys(this).map((key) => tuple([key, this[key]])); },
  py_items() { return Object.keys(this).map((key) => tuple([key, this[key]])); },
  py_get(key, fallback = null) { return Object.prototype.hasOwnProperty.call(this, key) ? this[key] : fallback; },
  get(key, fallback = null) { return Object.prototype.hasOwnProperty.call(this, key) ? this[key] : fallback; },
  __getitem__(key) { if (!Object.prototype.hasOwnProperty.call(this, key)) throw KeyError(key); return this[key]; },
  __setitem__(key, value) { this[key] = value; },
  __len__() { return Object.keys(this).length; },
  __repr__() { return `{${Object.keys(this).map((key) => `${repr(key)}: ${repr(this[key])}`).join(", ")}}`; },
  __str__() { return this.__repr__(); },
};
export const dict = pythonClass("dict", (value) => value !== null && typeof value === "object" && value.__class__ === dict);
dict.__call__ = (source = {}) => {
  const result = {};
  const entries = Array.isArray(source) ? source : Object.entries(source).filter(([key]) => key !== "__kwargtrans__");
  for (const [key, value] of entries) result[key] = value;
  for (const [name, method] of Object.entries(dictMethods)) Object.defineProperty(result, name, { value: method, writable: true, configurable: true });
  Object.defineProperty(result, "__class__", { value: dict, writable: true, configurable: true });
  return result;
};

// bytes and bytearray are Uint8Arrays.
function toBytes(source = 0, encoding = "utf-8") {
  if (typeof source === "number") return new Uint8Array(source);
  if (typeof source === "string") return new TextEncoder().encode(source);
  return Uint8Array.from(pythonIterable(source));
}
export const bytes = pythonClass("bytes", (value) => value instanceof Uint8Array);
bytes.__call__ = toBytes;
export const bytearray = pythonClass("bytearray", (value) => value instanceof Uint8Array);
bytearray.__call__ = toBytes;

export function py_typeof(value) {
  if (value === null || value === undefined) return null;
  if (value.__class__) return value.__class__;
  if (typeof value === "string") return str;
  if (typeof value === "boolean") return bool;
  if (typeof value === "number") return Number.isInteger(value) ? int : float;
  if (Array.isArray(value)) return list;
  if (value instanceof Uint8Array) return bytes;
  if (typeof value === "function") return typeof value.__name__ === "string" ? py_metatype : Function;
  return object;
}

// isinstance and issubclass as Transcrypt's: an object's class is its `__class__` (a value without one is an `object`:
// so a plain JavaScript Error is no instance of a Transcrypt exception class), and a class's ancestry is its chain of
// `__bases__`, not JavaScript's prototypes. The builtin types of this stand-in (str, int, list, tuple...) are checked
// by their own `__check__`.
export function isinstance(value, classes) {
  if (Array.isArray(classes)) return classes.some((cls) => isinstance(value, cls));
  if (typeof classes.__check__ === "function") return classes.__check__(value);
  try {
    return "__class__" in value ? issubclass(value.__class__, classes) : issubclass(py_typeof(value), classes);
  } catch {
    return issubclass(py_typeof(value), classes);
  }
}

export function issubclass(cls, classes) {
  if (Array.isArray(classes)) return classes.some((candidate) => issubclass(cls, candidate));
  try {
    if (cls === classes) return true;
    const bases = [...cls.__bases__];
    while (bases.length > 0) {
      const base = bases.shift();
      if (base === classes) return true;
      bases.unshift(...base.__bases__);
    }
    return false;
  } catch {
    return cls === classes || classes === object;
  }
}

export function callable(value) {
  return typeof value === "function";
}

// --- Printing and formatting ---------------------------------------------------------------------------

export function print(...args) {
  const [values, keywords] = splitKeywords(args);
  const sep = keywords.sep === undefined ? " " : keywords.sep;
  console.log(values.map((value) => str(value)).join(sep));
}

export function input(prompt) {
  throw NotImplementedError(`input() is not available in the test stand-in (prompt ${repr(prompt)})`);
}

// Python's `%` on numbers: a modulo with the divisor's sign. Transcrypt 3.9.5 has no `%` formatting of
// strings (its runtime computes `"a %s" % x` as a number: NaN); this stand-in fails loudly instead, so a
// program that relies on it does not pass here and break under the real runtime. Use str.format or +.
export function __mod__(left, right) {
  if (left !== null && typeof left === "object" && typeof left.__mod__ === "function") return left.__mod__(right);
  if (typeof left === "string") {
    throw py_TypeError(`Transcrypt 3.9.5 has no %-formatting of str (${repr(left)} % ...): use str.format() or +`);
  }
  return ((left % right) + right) % right;
}

// --- Operators (operator overloading: a method of the left operand, else JavaScript's operator) ---------

function operator(method, fallback) {
  return (left, right) =>
    left !== null && typeof left === "object" && typeof left[method] === "function" ? left[method](right) : fallback(left, right);
}

export const __add__ = operator("__add__", (a, b) => a + b);
export const __sub__ = operator("__sub__", (a, b) => a - b);
export const __mul__ = operator("__mul__", (a, b) => (typeof a === "string" ? a.repeat(b) : a * b));
export const __truediv__ = operator("__truediv__", (a, b) => a / b);
export const __floordiv__ = operator("__floordiv__", (a, b) => Math.floor(a / b));
export const __pow__ = operator("__pow__", (a, b) => a ** b);
export const __matmul__ = operator("__matmul__", () => {
  throw py_TypeError("unsupported operand type(s) for @");
});
export const __jsmod__ = operator("__mod__", (a, b) => a % b);
export const __lshift__ = operator("__lshift__", (a, b) => a << b);
export const __rshift__ = operator("__rshift__", (a, b) => a >> b);
export const __or__ = operator("__or__", (a, b) => a | b);
export const __and__ = operator("__and__", (a, b) => a & b);
export const __xor__ = operator("__xor__", (a, b) => a ^ b);
export const __eq__ = operator("__eq__", (a, b) => a === b);
export const __ne__ = operator("__ne__", (a, b) => a !== b);
export const __lt__ = operator("__lt__", (a, b) => a < b);
export const __le__ = operator("__le__", (a, b) => a <= b);
export const __gt__ = operator("__gt__", (a, b) => a > b);
export const __ge__ = operator("__ge__", (a, b) => a >= b);
export const __iadd__ = operator("__iadd__", __add__);
export const __isub__ = operator("__isub__", __sub__);
export const __imul__ = operator("__imul__", __mul__);
export const __idiv__ = operator("__idiv__", __truediv__);
export const __imod__ = operator("__imod__", __mod__);
export const __ijsmod__ = operator("__imod__", __jsmod__);
export const __ipow__ = operator("__ipow__", __pow__);
export const __imatmul__ = operator("__imatmul__", __matmul__);
export const __ilshift__ = operator("__ilshift__", __lshift__);
export const __irshift__ = operator("__irshift__", __rshift__);
export const __ior__ = operator("__ior__", __or__);
export const __iand__ = operator("__iand__", __and__);
export const __ixor__ = operator("__ixor__", __xor__);

export function __neg__(value) {
  return value !== null && typeof value === "object" && typeof value.__neg__ === "function" ? value.__neg__() : -value;
}

export function __in__(element, container) {
  if (container === null || container === undefined) throw py_TypeError("argument of type 'NoneType' is not iterable");
  if (typeof container.__contains__ === "function") return container.__contains__(element);
  if (typeof container === "string" || Array.isArray(container)) return container.includes(element);
  if (container instanceof Set || container instanceof Map) return container.has(element);
  return Object.prototype.hasOwnProperty.call(container, element);
}

export function __call__(func, thisArg, ...args) {
  return typeof func.__call__ === "function" ? func.__call__(...args) : func.apply(thisArg, args);
}

function index(container, key) {
  return typeof key === "number" && key < 0 && container.length !== undefined ? container.length + key : key;
}
export function __getitem__(container, key) {
  if (typeof container.__getitem__ === "function") return container.__getitem__(key);
  return container[index(container, key)];
}
export function __setitem__(container, key, value) {
  if (typeof container.__setitem__ === "function") container.__setitem__(key, value);
  else container[index(container, key)] = value;
}
export function __getslice__(container, lower, upper, step) {
  return typeof container.__getslice__ === "function" ? container.__getslice__(lower, upper, step) : container.slice(lower, upper);
}
export function __setslice__(container, lower, upper, step, values) {
  return container.__setslice__(lower, upper, step, values);
}

// --- Iteration -----------------------------------------------------------------------------------------

function* pythonIterable(value) {
  if (value === null || value === undefined) throw py_TypeError("'NoneType' object is not iterable");
  if (typeof value[Symbol.iterator] === "function") yield* value;
  else if (typeof value.__iter__ === "function") yield* __PyIterator__(value.__iter__());
  else yield* Object.keys(value);
}

export function __PyIterator__(iterator) {
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      try {
        return { value: iterator.__next__(), done: false };
      } catch (error) {
        if (isinstance(error, StopIteration)) return { value: undefined, done: true };
        throw error;
      }
    },
  };
}

export function __JsIterator__(iterable) {
  const iterator = iterable[Symbol.iterator]();
  return {
    __iter__() {
      return this;
    },
    __next__() {
      const step = iterator.next();
      if (step.done) throw StopIteration();
      return step.value;
    },
  };
}

export function py_iter(iterable) {
  return typeof iterable.__iter__ === "function" && !Array.isArray(iterable) ? iterable.__iter__() : __JsIterator__(pythonIterable(iterable));
}
export function py_next(iterator) {
  return iterator.__next__();
}
export function __jsUsePyNext__() {
  return this.__next__();
}
export function __pyUseJsNext__() {
  return this.next();
}

export function len(value) {
  if (value === null || value === undefined) throw py_TypeError("object of type 'NoneType' has no len()");
  if (typeof value.__len__ === "function") return value.__len__();
  if (value.length !== undefined) return value.length;
  if (value instanceof Set || value instanceof Map) return value.size;
  return Object.keys(value).length;
}

export function range(start, stop, step = 1) {
  if (stop === undefined) [start, stop] = [0, start];
  const result = [];
  for (let value = start; step > 0 ? value < stop : value > stop; value += step) result.push(value);
  return result;
}

export const py_enumerate = (iterable, start = 0) => Array.from(pythonIterable(iterable), (item, i) => tuple([i + start, item]));
export const zip = (...iterables) => {
  const arrays = iterables.map((iterable) => Array.from(pythonIterable(iterable)));
  const length = arrays.length ? Math.min(...arrays.map((array) => array.length)) : 0;
  return range(length).map((i) => tuple(arrays.map((array) => array[i])));
};
export const map = (func, ...iterables) => zip(...iterables).map((args) => func(...args));
export const filter = (func, iterable) => Array.from(pythonIterable(iterable)).filter((item) => (func === null ? __t__(item) : func(item)));
export const py_reversed = (iterable) => Array.from(pythonIterable(iterable)).reverse();

export function _sort(array, key = null, reverse = false) {
  const keyOf = key || ((value) => value);
  array.sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (reverse) array.reverse();
}
export function __sort__(iterable, key = null, reverse = false) {
  if (isKeywords(key)) ({ key = null, reverse = false } = key);
  _sort(iterable, key, reverse);
}
export function sorted(iterable, key = null, reverse = false) {
  if (isKeywords(key)) ({ key = null, reverse = false } = key);
  const result = Array.from(pythonIterable(iterable));
  _sort(result, key, reverse);
  return result;
}

// --- Small builtins ------------------------------------------------------------------------------------

export const abs = (value) => Math.abs(value);
export const all = (iterable) => Array.from(pythonIterable(iterable)).every(__t__);
export const any = (iterable) => Array.from(pythonIterable(iterable)).some(__t__);
export const sum = (iterable, start = 0) => Array.from(pythonIterable(iterable)).reduce((total, item) => total + item, start);
export const min = (...args) => Math.min(...(args.length === 1 ? Array.from(pythonIterable(args[0])) : args));
export const max = (...args) => Math.max(...(args.length === 1 ? Array.from(pythonIterable(args[0])) : args));
export const round = (value, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
export const pow = (base, exponent) => base ** exponent;
export const divmod = (a, b) => tuple([Math.floor(a / b), __mod__(a, b)]);
export const chr = (code) => String.fromCodePoint(code);
export const ord = (character) => character.codePointAt(0);
export const bin = (value) => (value < 0 ? "-0b" : "0b") + Math.abs(value).toString(2);
export const oct = (value) => (value < 0 ? "-0o" : "0o") + Math.abs(value).toString(8);
export const hex = (value) => (value < 0 ? "-0x" : "0x") + Math.abs(value).toString(16);
export const dir = (value) => Object.keys(value).sort();

// As Transcrypt's: no default value, no AttributeError; a name Transcrypt renames (`py_name`) is found too.
export function getattr(target, name) {
  return name in target ? target[name] : target["py_" + name];
}
export const setattr = (target, name, value) => {
  target[name] = value;
};
export function hasattr(target, name) {
  try {
    return name in target || "py_" + name in target;
  } catch {
    return false;
  }
}
export const delattr = (target, name) => {
  delete target[name];
};

export function __withblock__(manager, statements) {
  manager.__enter__();
  try {
    statements();
  } finally {
    manager.__exit__();
  }
}

// The browser console stand-in Transcrypt offers; here it just prints.
export const __Terminal__ = __class__("__Terminal__", [object], {
  __module__: "org.transcrypt.__runtime__",
  get __init__() {
    return __get__(this, function (self) {});
  },
  get print() {
    return __get__(this, function (self, ...args) {
      print(...args);
    });
  },
});
export const __terminal__ = __Terminal__();

// --- Patches Transcrypt applies to JavaScript's built-ins (a few of them) ------------------------------

function patch(prototype, methods) {
  for (const [name, method] of Object.entries(methods)) {
    if (!Object.prototype.hasOwnProperty.call(prototype, name)) {
      Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true });
    }
  }
}

patch(Array.prototype, {
  append(item) { this.push(item); },
  extend(items) { this.push(...pythonIterable(items)); },
  insert(at, item) { this.splice(at, 0, item); },
  remove(item) {
    const at = this.indexOf(item);
    if (at < 0) throw ValueError("list.remove(x): x not in list");
    this.splice(at, 1);
  },
  index(item) {
    const at = this.indexOf(item);
    if (at < 0) throw ValueError(`${repr(item)} is not in list`);
    return at;
  },
  py_pop(at = -1) {
    if (this.length === 0) throw IndexError("pop from empty list");
    return this.splice(at < 0 ? this.length + at : at, 1)[0];
  },
  py_clear() { this.length = 0; },
  py_copy() { return this.slice(); },
  py_sort(key = null, reverse = false) { __sort__(this, key, reverse); },
});

patch(String.prototype, {
  startswith(prefix) { return this.startsWith(prefix); },
  endswith(suffix) { return this.endsWith(suffix); },
  lower() { return this.toLowerCase(); },
  upper() { return this.toUpperCase(); },
  strip() { return this.trim(); },
  find(sub) { return this.indexOf(sub); },
  join(items) { return Array.from(pythonIterable(items)).join(this); },
  py_split(separator = null) { return separator === null ? this.trim().split(/\s+/) : this.split(separator); },
  py_replace(old, replacement) { return this.split(old).join(replacement); },
  // "{} {0} {name}".format(...): positional and keyword fields, no format specs.
  format(...args) {
    const [values, keywords] = splitKeywords(args);
    let next = 0;
    return this.replace(/\{(\w*)\}/g, (field, name) =>
      str(name === "" ? values[next++] : /^\d+$/.test(name) ? values[Number(name)] : keywords[name]),
    );
  },
});
