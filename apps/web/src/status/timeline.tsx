import { statusPageTexts } from '../texts/index.ts';
import type { TimelineEntry } from './status-api.ts';
import { formatDateTime } from './status-format.ts';

interface TimelineProps {
  /** Newest first, as the API sends them. */
  entries: TimelineEntry[];
  /** id of the heading that names the list. */
  labelledBy: string;
}

/** The public history of a melding, newest first. Messages are rendered as text, never as HTML. */
export function Timeline({ entries, labelledBy }: TimelineProps) {
  if (entries.length === 0) return <p className="utrecht-paragraph">{statusPageTexts.timelineEmpty}</p>;
  return (
    <ol className="bs-status-timeline" aria-labelledby={labelledBy}>
      {entries.map((entry, index) => (
        // Entries have no id; at + index is stable because the list is only ever replaced whole.
        <li className="bs-status-timeline__item" key={`${entry.at}-${index}`}>
          <p className="utrecht-paragraph bs-status-timeline__meta">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            {' – '}
            <span className="bs-status-timeline__status">{entry.status}</span>
          </p>
          {entry.message !== null && entry.message !== '' && (
            <p className="utrecht-paragraph bs-status-timeline__message">{entry.message}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
