import { test } from 'vitest'; test.todo('contract suite');
