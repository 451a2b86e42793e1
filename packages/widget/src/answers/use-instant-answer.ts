import { type Answer, MAX_QUESTION_LENGTH } from '@helpline/core';
import { useEffect, useState } from 'preact/hooks';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';

const DEBOUNCE_MS = 400;
const MIN_CHARS = 12;

/** Instant answers for text being typed: debounced, only for long enough questions, last one wins. */
export function useInstantAnswer(text: string, enabled: boolean) {
  const client = useClient();
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [dismissed, setDismissed] = useState(false);
  const { answers } = useValue(client.state.capabilities);
  const active = enabled && !dismissed && answers && text.trim().length >= MIN_CHARS;
  useEffect(() => {
    if (!active) return;
    let current = true;
    const timer = setTimeout(() => {
      // A longer message's start still finds its articles.
      client.kb.answer(text.trim().slice(0, MAX_QUESTION_LENGTH)).then(
        (result) => current && setAnswer(result),
        () => current && setAnswer(undefined),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, active]);
  return {
    answer: active && answer && answer.passages.length > 0 ? answer : undefined,
    dismiss: () => setDismissed(true),
  };
}
