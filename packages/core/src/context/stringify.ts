const MAX = 500;

/** Turns whatever was logged into a short, safe string: never throws, never walks a cycle twice. */
export function stringifyLogged(args: readonly unknown[]): string {
  const text = args
    .map((arg) => {
      if (typeof arg === 'string') return arg;
      if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
      try {
        const seen = new WeakSet<object>();
        return (
          JSON.stringify(arg, (_key, value: unknown) => {
            if (typeof value === 'object' && value !== null) {
              if (seen.has(value)) return '[circular]';
              seen.add(value);
            }
            return typeof value === 'bigint' ? value.toString() : value;
          }) ?? String(arg)
        );
      } catch {
        return Object.prototype.toString.call(arg);
      }
    })
    .join(' ');
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}
