/**
 * Typed errors shared by every layer. Each carries the process exit code the CLI maps it to
 * (sysexits.h: 65 EX_DATAERR, 66 EX_NOINPUT), so no layer has to guess.
 */
export const ExitCode = {
  ok: 0,
  expectationFailed: 1,
  usage: 2,
  dataError: 65,
  missingFile: 66,
  internal: 70,
  cantCreate: 73,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class GovsimError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad arguments or options: exit 2. */
export class GovsimUsageError extends GovsimError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, ExitCode.usage, options);
  }
}

/** One problem inside a data or scenario file, located by a path such as `councils[3].lists[2].seats`. */
export interface DataIssue {
  readonly path: string;
  readonly message: string;
}

/** Invalid data (dataset, scenario, game): exit 65. Names the file and the path inside it. */
export class GovsimDataError extends GovsimError {
  readonly file: string | undefined;
  readonly issues: readonly DataIssue[];
  constructor(file: string | undefined, issues: readonly DataIssue[], options?: ErrorOptions) {
    super(formatIssues(file, issues), ExitCode.dataError, options);
    this.file = file;
    this.issues = issues;
  }
}

/** An output file that cannot be written (a directory, no permission, disk full): exit 73, EX_CANTCREAT. */
export class GovsimOutputError extends GovsimError {
  readonly file: string;
  constructor(file: string, reason: string, options?: ErrorOptions) {
    super(`${file}: cannot write output: ${reason}`, ExitCode.cantCreate, options);
    this.file = file;
  }
}

/** A file or directory that does not exist: exit 66. */
export class GovsimMissingFileError extends GovsimError {
  readonly file: string;
  constructor(file: string, options?: ErrorOptions) {
    super(`${file}: no such file or directory`, ExitCode.missingFile, options);
    this.file = file;
  }
}

function formatIssues(file: string | undefined, issues: readonly DataIssue[]): string {
  const where = file ?? '<input>';
  if (issues.length === 0) return `${where}: invalid data`;
  return issues.map((issue) => `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('\n');
}
