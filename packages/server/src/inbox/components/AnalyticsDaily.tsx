import type { AnalyticsDay } from '../api/schemas.js';
import { strings } from '../strings.js';

const a = strings.analytics;

/**
 * The per-day series as a table with an inline bar for the deflection rate (plain elements: no
 * chart library, and the numbers stay readable to screen readers).
 */
export function AnalyticsDaily({ days }: { days: readonly AnalyticsDay[] }) {
  return (
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">{a.daily}</h2>
      <table aria-labelledby="daily-title" class="daily">
        <thead>
          <tr>
            <th scope="col">{a.day}</th>
            <th scope="col">{a.helpSessions}</th>
            <th scope="col">{a.deflected}</th>
            <th scope="col">{a.articleViews}</th>
            <th scope="col">{a.votes}</th>
            <th scope="col">{a.questions}</th>
            <th scope="col">{a.started}</th>
          </tr>
        </thead>
        <tbody>
          {[...days].reverse().map((row) => (
            <tr key={row.day}>
              <th scope="row">
                <time dateTime={row.day}>{row.day}</time>
              </th>
              <td>{row.helpSessions}</td>
              <td>
                {row.deflectionRate === null ? (
                  a.noData
                ) : (
                  <span class="bar-cell">
                    <progress max={1} value={row.deflectionRate} aria-hidden="true" />
                    {`${Math.round(row.deflectionRate * 100)}%`}
                  </span>
                )}
              </td>
              <td>{row.articleViews}</td>
              <td>{`${row.helpful} / ${row.notHelpful}`}</td>
              <td>{`${row.answersSolved} / ${row.answersEscalated}`}</td>
              <td>{`${row.conversations} / ${row.tickets}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
