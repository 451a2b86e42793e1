/**
 * The knowledge base every backend under test is seeded with: the KB and answer checks look for
 * these titles and passages (ids are the backend's own).
 */
export const conformanceArticles = [
  {
    id: 'conformance-refunds',
    title: 'Refunding a payment',
    category: 'Payments',
    summary: 'Full and partial refunds of card payments.',
    routes: ['/conformance/payments'],
    html: '<p>Refunds are made from the payment page.</p><h2>Card refunds</h2><p>A card refund reaches the customer in 5 to 10 business days.</p><h2>Partial refunds</h2><p>Enter a smaller amount to refund part of a payment.</p>',
  },
  {
    id: 'conformance-export',
    title: 'Exporting reports',
    category: 'Reports',
    summary: 'Download reports as CSV for your accountant.',
    routes: ['/conformance/reports'],
    html: '<p>Reports can be exported.</p><h2>CSV export</h2><p>Choose Export to download a CSV file of the report.</p>',
  },
  {
    id: 'conformance-team',
    title: 'Inviting teammates',
    category: 'Account',
    summary: 'Give your team access.',
    routes: ['/conformance/team'],
    html: '<p>Invite teammates from the team settings.</p><h2>Roles</h2><p>Admins manage settings; viewers can only read.</p>',
  },
] as const;
