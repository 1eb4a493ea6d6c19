/** A Python exception class of the user's program (Transcrypt's are callable with or without `new`). */
export type PythonErrorClass = new (message?: string) => unknown;

/**
 * A rewritten file's runtime object (`_pyws`): the runtime's parts the file calls, as methods, and the exception
 * classes they raise as the file's program has them. A class the object lacks is raised as the program would name it
 * without a class of its own: a global of that name (TypeError: the platform's), else an Error so named.
 */
export interface FileRuntime {
  NotImplementedError?: PythonErrorClass;
  /** Raised for send misuse; neither transpiler has one: the runtime's, a subclass of the program's Exception. */
  ConnectionError?: PythonErrorClass;
  ValueError?: PythonErrorClass;
  /** Raised by `document[id]` where no element has that id. */
  KeyError?: PythonErrorClass;
  TypeError?: PythonErrorClass;
}
