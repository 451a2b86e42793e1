export default {
  'common.title': 'Hilfe',
  'common.launcherOpen': 'Hilfe öffnen',
  'common.launcherClose': 'Hilfe schließen',
  'common.launcherUnread':
    '{count, plural, one {Hilfe öffnen, # ungelesene Nachricht} other {Hilfe öffnen, # ungelesene Nachrichten}}',
  'common.unread': '{count, plural, one {# ungelesene Nachricht} other {# ungelesene Nachrichten}}',
  'common.close': 'Hilfe schließen',
  'common.back': 'Zurück',
  'common.retry': 'Erneut versuchen',
  'common.loading': 'Wird geladen …',
  'common.error': 'Etwas ist schiefgelaufen. Bitte versuche es erneut.',
  'common.offline': 'Du bist offline. Das lädt, sobald du wieder online bist.',
  'common.crashed': 'Etwas ist schiefgelaufen',
  'common.crashedDetail': 'Dieser Teil des Hilfebereichs funktioniert gerade nicht. Deine übrigen Daten sind sicher.',
  'common.startChat': 'Chat starten',
  'common.submitTicket': 'Ticket einreichen',
  'common.myTickets': 'Meine Tickets',
} as const;
