import type { ArticleSeed } from './options.js';

/**
 * A help centre for "Invoicely", the demo invoicing product the examples embed the widget in.
 * Pass as `createMemoryAdapter({ articles: demoArticles })`; kept out of the adapter so it costs
 * nothing unless imported.
 */
export const demoArticles: readonly ArticleSeed[] = [
  {
    id: 'create-first-invoice',
    title: 'Create and send your first invoice',
    category: 'Invoices',
    summary: 'Add a customer, line items and taxes, then email the invoice with a payment link.',
    routes: ['/invoices', '/invoices/new', '/dashboard'],
    updatedAt: '2026-10-02T09:00:00.000Z',
    html: `<p>Invoices are created from the <strong>Invoices</strong> page. Drafts save automatically while you type.</p>
<h2>Add the customer</h2><p>Pick an existing customer or choose <em>New customer</em> and enter their billing email and address. The address appears on the PDF exactly as typed.</p>
<h2>Add line items and taxes</h2><p>Each line has a description, quantity and unit price. Apply a tax rate per line or to the whole invoice from <strong>Settings → Taxes</strong>. Discounts can be a percentage or a fixed amount.</p>
<h2>Send the invoice</h2><p>Choose <strong>Send</strong> to email the customer a link to a hosted invoice page where they can pay by card or bank transfer. You can also download the PDF and send it yourself; the invoice is then marked as sent.</p>`,
  },
  {
    id: 'invoice-numbering',
    title: 'Change invoice numbering and prefixes',
    category: 'Invoices',
    summary: 'Set the prefix, next number and yearly reset of your invoice numbers.',
    routes: ['/settings/invoices', '/invoices/:id'],
    updatedAt: '2026-09-14T12:00:00.000Z',
    html: `<p>Invoice numbers are sequential per workspace, as most tax authorities require.</p>
<h2>Set a prefix</h2><p>Open <strong>Settings → Invoices</strong> and enter a prefix such as <code>INV-</code> or <code>2026-</code>. The prefix applies to new invoices only.</p>
<h2>Change the next number</h2><p>You can raise the next number, for example when moving from another tool, but never lower it below an invoice that already exists. This prevents duplicate invoice numbers.</p>
<h2>Reset numbering every year</h2><p>Turn on <em>Reset each January</em> to restart at 1 with the year in the prefix.</p>`,
  },
  {
    id: 'refund-payment',
    title: 'Refund a payment',
    category: 'Payments',
    summary: 'Issue full or partial refunds for card payments and record refunds for bank transfers.',
    routes: ['/payments', '/payments/:id', '/invoices/:id'],
    updatedAt: '2026-11-05T08:30:00.000Z',
    html: `<p>Refunds are made from the payment, not from the invoice, so one invoice paid in parts can be refunded part by part.</p>
<h2>Refund a card payment</h2><p>Open the payment and choose <strong>Refund</strong>. Enter the amount for a partial refund. Card refunds reach the customer in 5 to 10 business days; the processing fee is not returned by the card network.</p>
<h2>Record a bank transfer refund</h2><p>Send the money from your bank, then choose <strong>Record refund</strong> so your reports stay correct.</p>
<h2>Credit notes</h2><p>A refund creates a credit note automatically, numbered in its own sequence, which you can email to the customer.</p>`,
  },
  {
    id: 'failed-payments',
    title: 'Why did a customer payment fail?',
    category: 'Payments',
    summary: 'Common card decline reasons and how automatic retries work.',
    routes: ['/payments', '/payments/*'],
    updatedAt: '2026-11-20T16:00:00.000Z',
    html: `<p>When a payment fails, the payment shows the reason the card network gave.</p>
<h2>Card declined</h2><p>The customer's bank refused the charge, often for insufficient funds or a fraud check. Ask the customer to contact their bank or pay with another card.</p>
<h2>Expired or incorrect card details</h2><p>The customer can update their card from the link in the invoice email; saved cards are never shown to you in full.</p>
<h2>Automatic retries</h2><p>For recurring invoices, failed card payments are retried after 3, 5 and 7 days. The customer gets an email before each retry.</p>`,
  },
  {
    id: 'recurring-invoices',
    title: 'Set up recurring invoices and subscriptions',
    category: 'Invoices',
    summary: 'Bill customers automatically every week, month or year.',
    routes: ['/invoices/recurring', '/invoices/recurring/:id'],
    updatedAt: '2026-08-30T10:00:00.000Z',
    html: `<p>Recurring invoices are generated from a template on a schedule.</p>
<h2>Create a schedule</h2><p>Open an invoice and choose <strong>Make recurring</strong>. Pick the interval, the first date and an optional end date or number of invoices.</p>
<h2>Charge automatically</h2><p>If the customer saved a card, turn on <em>Charge automatically</em> and each invoice is paid on its date. Otherwise each invoice is emailed for payment.</p>
<h2>Pause or cancel</h2><p>Pausing skips invoices until you resume; cancelling stops the schedule but keeps past invoices.</p>`,
  },
  {
    id: 'tax-rates',
    title: 'Configure tax rates and VAT',
    category: 'Invoices',
    summary: 'Add VAT, GST or sales tax rates and show tax IDs on invoices.',
    routes: ['/settings/taxes'],
    updatedAt: '2026-07-11T14:00:00.000Z',
    html: `<p>Tax rates live in <strong>Settings → Taxes</strong> and can be applied per line or per invoice.</p>
<h2>Add a tax rate</h2><p>Enter a name such as <em>VAT 20%</em>, the percentage and whether prices include tax.</p>
<h2>Reverse charge for EU customers</h2><p>For business customers in another EU country with a valid VAT number, choose the reverse charge rate; the invoice shows the required mention.</p>
<h2>Show your tax ID</h2><p>Add your VAT or GST number under <strong>Settings → Business details</strong> to print it on every invoice.</p>`,
  },
  {
    id: 'import-customers',
    title: 'Import customers from a CSV file',
    category: 'Customers',
    summary: 'Bring your customer list from a spreadsheet or another invoicing tool.',
    routes: ['/customers', '/customers/import'],
    updatedAt: '2026-06-03T09:00:00.000Z',
    html: `<p>You can import up to 5,000 customers at a time.</p>
<h2>Prepare the file</h2><p>Use one row per customer with columns for name, email, address and tax ID. The first row must be the column names.</p>
<h2>Map the columns</h2><p>After uploading, match each column to a customer field. Rows with an invalid email are listed so you can fix them.</p>
<h2>Duplicates</h2><p>Customers are matched by email: existing customers are updated rather than duplicated.</p>`,
  },
  {
    id: 'reports-revenue',
    title: 'Understand revenue and outstanding reports',
    category: 'Reports',
    summary: 'What the revenue, outstanding and tax reports count, and how to export them.',
    routes: ['/reports', '/reports/*'],
    updatedAt: '2026-10-21T11:00:00.000Z',
    html: `<p>Reports are calculated from paid and sent invoices in your workspace currency.</p>
<h2>Revenue</h2><p>Revenue counts payments received in the period, minus refunds. Invoices sent but unpaid are not revenue.</p>
<h2>Outstanding</h2><p>Outstanding lists sent invoices that are not fully paid, grouped by how many days they are overdue.</p>
<h2>Export for your accountant</h2><p>Choose <strong>Export</strong> to download CSV or send the tax report straight to your accountant's email.</p>`,
  },
  {
    id: 'team-roles',
    title: 'Invite teammates and manage roles',
    category: 'Account',
    summary: 'Give your team access with Owner, Admin, Accountant or Viewer roles.',
    routes: ['/settings/team'],
    updatedAt: '2026-05-19T15:00:00.000Z',
    html: `<p>Every plan includes unlimited viewers; paid seats are counted for Admins and Accountants.</p>
<h2>Invite a teammate</h2><p>Go to <strong>Settings → Team</strong>, enter their email and pick a role. Invitations expire after 7 days.</p>
<h2>Roles</h2><p>Owners manage billing and can delete the workspace. Admins manage settings and invoices. Accountants see reports and payments. Viewers can only read.</p>
<h2>Remove access</h2><p>Removing a teammate signs them out everywhere at once; their invoices stay in the workspace.</p>`,
  },
  {
    id: 'change-plan',
    title: 'Change your plan or update your billing card',
    category: 'Account',
    summary: 'Upgrade, downgrade, switch to yearly billing or replace the card we charge.',
    routes: ['/settings/billing', '/settings/billing/*'],
    updatedAt: '2026-11-01T10:00:00.000Z',
    html: `<p>Your own subscription to Invoicely is managed in <strong>Settings → Billing</strong>.</p>
<h2>Upgrade or downgrade</h2><p>Upgrades apply at once and are prorated. Downgrades take effect at the end of the billing period.</p>
<h2>Update the billing card</h2><p>Choose <strong>Replace card</strong>. We never store the full card number; it is held by our payment processor.</p>
<h2>Download past receipts</h2><p>Every receipt for your subscription is listed with a PDF download, including your tax ID when set.</p>`,
  },
  {
    id: 'login-problems',
    title: 'Trouble signing in or two-factor authentication',
    category: 'Account',
    summary: 'Reset your password, recover two-factor access and fix single sign-on errors.',
    routes: ['/login', '/settings/security'],
    updatedAt: '2026-09-28T07:45:00.000Z',
    html: `<p>Most sign-in problems are solved by a password reset.</p>
<h2>Reset your password</h2><p>Choose <em>Forgot password</em> on the sign-in page. The reset link is valid for one hour.</p>
<h2>Lost two-factor device</h2><p>Use one of the recovery codes you saved when turning on two-factor authentication. Without them, a workspace Owner can reset two-factor for you.</p>
<h2>Single sign-on errors</h2><p>If your company uses SSO, ask your identity provider administrator to check that Invoicely is assigned to your account.</p>`,
  },
];
