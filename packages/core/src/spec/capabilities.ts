import type { JSONObject } from './base.js';

/** 2025-11-25 only: which client requests may be task-augmented. */
export interface ClientTasksCapability {
  list?: JSONObject;
  cancel?: JSONObject;
  requests?: {
    sampling?: { createMessage?: JSONObject };
    elicitation?: { create?: JSONObject };
  };
}

/** 2025-11-25 only: which server requests may be task-augmented. */
export interface ServerTasksCapability {
  list?: JSONObject;
  cancel?: JSONObject;
  requests?: {
    tools?: { call?: JSONObject };
  };
}

/** What a client supports. An absent key means unsupported. */
export interface ClientCapabilities {
  /** Non-standard capabilities, keyed by name. */
  experimental?: { [key: string]: JSONObject };
  roots?: {
    /** Handshake era only: the client sends `notifications/roots/list_changed`. */
    listChanged?: boolean;
  };
  sampling?: {
    /** Allows `includeContext` other than `'none'`. 2025-11-25+ */
    context?: JSONObject;
    /** Allows `tools` / `toolChoice` in sampling requests. 2025-11-25+ */
    tools?: JSONObject;
  };
  /** `{}` alone means form mode only. */
  elicitation?: {
    /** 2025-11-25+ */
    form?: JSONObject;
    /** 2025-11-25+ */
    url?: JSONObject;
  };
  /** 2025-11-25 only; in 2026-07-28 tasks are an extension. */
  tasks?: ClientTasksCapability;
  /** Extension settings keyed by prefixed extension id. 2026-07-28+ */
  extensions?: { [key: string]: JSONObject };
}

/** What a server supports. An absent key means unsupported. */
export interface ServerCapabilities {
  /** Non-standard capabilities, keyed by name. */
  experimental?: { [key: string]: JSONObject };
  logging?: JSONObject;
  completions?: JSONObject;
  prompts?: {
    listChanged?: boolean;
  };
  resources?: {
    subscribe?: boolean;
    listChanged?: boolean;
  };
  tools?: {
    listChanged?: boolean;
  };
  /** 2025-11-25 only; in 2026-07-28 tasks are an extension. */
  tasks?: ServerTasksCapability;
  /** Extension settings keyed by prefixed extension id, e.g. `io.modelcontextprotocol/tasks`. 2026-07-28+ */
  extensions?: { [key: string]: JSONObject };
}
