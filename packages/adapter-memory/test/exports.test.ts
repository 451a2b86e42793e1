import * as memory from '@helpline/adapter-memory';
import { describe, expect, it } from 'vitest';

describe('@helpline/adapter-memory exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(memory).sort()).toEqual(['createMemoryAdapter', 'demoArticles']);
  });
});
