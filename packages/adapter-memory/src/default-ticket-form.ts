import type { TicketForm } from '@helpline/core';

/** The demo workspace's form: the area routes the ticket, the invoice number only matters for billing. */
export const defaultTicketForm: TicketForm = {
  fields: [
    {
      id: 'area',
      label: 'Affected area',
      type: 'select',
      required: true,
      options: [
        { value: 'invoices', label: 'Invoices' },
        { value: 'payments', label: 'Payments' },
        { value: 'customers', label: 'Customers' },
        { value: 'reports', label: 'Reports' },
        { value: 'integrations', label: 'Integrations' },
        { value: 'account', label: 'Account and billing' },
      ],
    },
    {
      id: 'invoice_number',
      label: 'Invoice number',
      type: 'text',
      required: false,
      placeholder: 'INV-2041',
      maxLength: 40,
      categories: ['billing_access'],
    },
  ],
  categories: ['outage', 'billing_access', 'how_to', 'bug', 'feature_request'],
  severities: ['P0', 'P1', 'P2', 'P3'],
  attachments: { maxBytes: 10 * 1024 * 1024, types: ['image/*', 'application/pdf', 'text/plain'] },
};
