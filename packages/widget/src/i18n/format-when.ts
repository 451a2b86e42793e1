/** "14:00" today, "Monday 09:00" within a week, else a short date and time — in the user's locale. */
export function formatWhen(at: Date, now: Date, locale: string): string {
  const sameDay = at.toDateString() === now.toDateString();
  const withinWeek = at.getTime() - now.getTime() < 6 * 24 * 60 * 60 * 1000;
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : withinWeek
      ? { weekday: 'long', hour: 'numeric', minute: '2-digit' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}
