// The floor plus the schema library every other contender loads: a cold-start reference only.
// mcpkit's and the SDKs' servers import zod for their tool schemas, and importing zod is most
// of their start-up; this row shows how much of a cold start is Node + zod before any framework.
import 'zod';
import './floor.js';
