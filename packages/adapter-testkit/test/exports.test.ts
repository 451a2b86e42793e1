import * as testkit from '@helpline/adapter-testkit';
import { describe, expect, it } from 'vitest';

describe('@helpline/adapter-testkit exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(testkit).sort()).toEqual(['conformanceArticles', 'runAdapterConformance']);
  });
});
