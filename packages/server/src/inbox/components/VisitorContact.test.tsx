import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { at } from '../testing/fixtures.js';
import { ContextPanel } from './ContextPanel.js';

afterEach(cleanup);

const visitorSection = () =>
  within(screen.getByRole('complementary', { name: 'Context' })).getByRole('region', { name: 'Visitor' });

describe('the email a visitor gave for replies', () => {
  it('is shown with the visitor, apart from the host’s email and labelled as unverified', () => {
    render(
      <ContextPanel
        context={undefined}
        visitor={{ id: 'v1', verified: false, contact: { email: 'ada@example.com', name: 'Ada', at: at(-1) } }}
      />,
    );
    const facts = [...visitorSection().querySelectorAll('.fact')].map((fact) => [
      fact.querySelector('dt')?.textContent,
      fact.querySelector('dd')?.textContent,
    ]);
    expect(facts).toContainEqual(['Email for replies (given by the visitor, not verified)', 'ada@example.com']);
    expect(facts).toContainEqual(['Name they gave (not verified)', 'Ada']);
    expect(facts.find(([label]) => label === 'Email')).toBeUndefined();
  });

  it('is absent when the visitor gave none', () => {
    render(<ContextPanel context={undefined} visitor={{ id: 'v1', email: 'ada@corp.example', verified: true }} />);
    expect(visitorSection().textContent).not.toContain('not verified');
  });
});
