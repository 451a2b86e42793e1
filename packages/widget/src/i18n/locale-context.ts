import { createContext } from 'preact';
import { englishMessages, type Messages } from './messages.js';

export interface LocaleValue {
  locale: string;
  messages: Messages;
}

export const LocaleContext = createContext<LocaleValue>({ locale: 'en', messages: englishMessages });
