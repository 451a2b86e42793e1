import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountWidget } from './widget.js';

describe('locales', () => {
  it('speaks German when the locale is de', async () => {
    const { ui } = mountWidget({ locale: 'de' });
    fireEvent.click(await ui.findByRole('button', { name: 'Hilfe öffnen' }));
    expect(await ui.findByRole('dialog', { name: 'Hilfe' })).toBeTruthy();
    expect(await ui.findByText('Hallo! Wie können wir helfen?')).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Chat starten' })).toBeTruthy();
    expect(ui.getByRole('button', { name: 'Ticket einreichen' })).toBeTruthy();
    expect(ui.getByRole('searchbox', { name: 'Hilfeartikel durchsuchen' })).toBeTruthy();
  });

  it('lays the panel out right-to-left in Arabic', async () => {
    const { ui, hl } = mountWidget({ locale: 'ar' });
    await hl.open();
    const dialog = await ui.findByRole('dialog', { name: 'المساعدة' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.closest('[lang]')?.getAttribute('lang')).toBe('ar');
    expect(await ui.findByText('مرحبًا! كيف يمكننا مساعدتك؟')).toBeTruthy();
  });

  it('is left-to-right in English and falls back to English for unknown locales', async () => {
    const { ui, hl } = mountWidget({ locale: 'sv' });
    await hl.open();
    const dialog = await ui.findByRole('dialog', { name: 'Help' });
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect(await ui.findByText('Hi there. How can we help?')).toBeTruthy();
  });

  it.each(['fr', 'pt-BR', 'he'])(
    'says English, left to right, when %s falls back to the English strings',
    async (locale) => {
      const { ui, hl, shadow } = mountWidget({ locale });
      await hl.open();
      const dialog = await ui.findByRole('dialog', { name: 'Help' });
      await ui.findByText('Hi there. How can we help?');
      // Give a (wrongly) loading table its chance to land before checking.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(dialog.getAttribute('dir')).toBe('ltr');
      expect(shadow.querySelector('.hl-root')?.getAttribute('lang')).toBe('en');
    },
  );
});
