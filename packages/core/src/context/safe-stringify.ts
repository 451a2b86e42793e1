export const MAX_MESSAGE_CHARS = 500;

function one(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message || value.name;
  if (typeof value !== 'object' || value === null) return String(value);
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[circular]';
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Console arguments as one string; each argument capped so a huge object cannot bloat the snapshot. */
export function stringifyArgs(args: readonly unknown[]): string {
  return args.map((a) => one(a).slice(0, MAX_MESSAGE_CHARS)).join(' ');
}
