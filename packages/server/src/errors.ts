/** Options shared by the component errors. */
export interface ComponentErrorOptions extends ErrorOptions {
  /** extra facts for the client (tool errors put nothing on the wire; prompt/resource errors send it as `data`) */
  data?: unknown;
}

/**
 * A tool failure whose message is meant for the model: it is sent even with `maskErrorDetails`.
 * @example throw new ToolError('City not found: try a larger nearby city');
 */
export class ToolError extends Error {
  override name = 'ToolError';
  readonly data?: unknown;
  constructor(message: string, options: ComponentErrorOptions = {}) {
    super(message, options);
    if (options.data !== undefined) this.data = options.data;
  }
}

/** A resource failure whose message reaches the client even with `maskErrorDetails`. */
export class ResourceError extends Error {
  override name = 'ResourceError';
  readonly data?: unknown;
  constructor(message: string, options: ComponentErrorOptions = {}) {
    super(message, options);
    if (options.data !== undefined) this.data = options.data;
  }
}

/** A prompt failure whose message reaches the client even with `maskErrorDetails`. */
export class PromptError extends Error {
  override name = 'PromptError';
  readonly data?: unknown;
  constructor(message: string, options: ComponentErrorOptions = {}) {
    super(message, options);
    if (options.data !== undefined) this.data = options.data;
  }
}

/** Errors whose message is written for the client and therefore never masked. */
export const isPublicError = (error: unknown): error is ToolError | ResourceError | PromptError =>
  error instanceof ToolError || error instanceof ResourceError || error instanceof PromptError;
