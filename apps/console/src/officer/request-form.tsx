import type { Polygon } from 'geojson';
import { useId, useState } from 'preact/hooks';
import { answer, type PorchlightClient } from '../api.js';
import type { LatLng } from '../map/geometry.js';
import { firstCircle, type AreaDraft } from './area-draft.js';
import { Failure } from '../shell/failure.js';
import { nextCaseNumber } from './case-number.js';


const INCIDENT_TYPES = ['package-theft', 'burglary', 'vandalism', 'vehicle-break-in', 'protest', 'immigration'];
const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:MM` of a datetime-local input, read as UTC (the api speaks UTC; the page says so). */
const toInput = (date: Date): string => date.toISOString().slice(0, 16);
const fromInput = (value: string): string => new Date(`${value}:00Z`).toISOString();

/** The area as the contract takes it, or null while a polygon has fewer than three corners. */
export function areaBody(draft: AreaDraft): { center: LatLng; radiusMeters: number } | Polygon | null {
  if (draft.kind === 'circle') return { center: draft.center, radiusMeters: draft.radiusMeters };
  if (draft.points.length < 3) return null;
  const ring = [...draft.points, draft.points[0]!].map((point) => [point.lng, point.lat]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * A footage request: case, purpose, time window and the area drawn on the map. A refusal by the
 * active policy (area too large, window too long, prohibited purpose…) is shown here, naming the rule.
 */
export function RequestForm({
  client,
  now,
  center,
  draft,
  onDraft,
  onCreated,
}: {
  client: PorchlightClient;
  now: Date;
  /** The town's centre, when the sandbox has a town. */
  center: LatLng | undefined;
  draft: AreaDraft;
  onDraft: (draft: AreaDraft) => void;
  onCreated: () => void;
}) {
  const titleId = useId();
  const [caseNumber, setCaseNumber] = useState(`PF-${now.toISOString().slice(0, 10)}-1`);
  const [incidentType, setIncidentType] = useState(INCIDENT_TYPES[0]!);
  const [description, setDescription] = useState('Package taken from a porch; looking for anyone passing by.');
  const [start, setStart] = useState(toInput(new Date(now.getTime() - 6 * HOUR)));
  const [end, setEnd] = useState(toInput(now));
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const area = areaBody(draft);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (area === null) return;
    setSending(true);
    setRefusal(null);
    setSent(null);
    try {
      const created = await answer(
        client.POST('/api/portal/requests', { body: { caseNumber, incidentType, description, window: { start: fromInput(start), end: fromInput(end) }, area } }),
      );
      setSent(
        created.status === 'pending-review'
          ? `Request ${created.caseNumber} waits for a moderator's review before it reaches anyone.`
          : `Request ${created.caseNumber} sent: ${created.counts.notified ?? 'some'} owner(s) notified.`,
      );
      // The next request is most often another incident: policies limit open requests per case.
      setCaseNumber(nextCaseNumber(caseNumber));
      onCreated();
    } catch (error) {
      setRefusal(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="request-form" onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>Ask neighbours for footage</h3>
      <fieldset>
        <legend>Area</legend>
        <label>
          <input type="radio" name="area-kind" checked={draft.kind === 'circle'} onChange={() => onDraft(firstCircle(center))} /> Circle
        </label>{' '}
        <label>
          <input type="radio" name="area-kind" checked={draft.kind === 'polygon'} onChange={() => onDraft({ kind: 'polygon', points: [] })} /> Polygon
        </label>
        {draft.kind === 'circle' ? (
          <>
            <p class="hint">Click the map to move the centre.</p>
            <label>
              Centre latitude <input type="number" step="0.0001" value={draft.center.lat} onChange={(event) => onDraft({ ...draft, center: { ...draft.center, lat: Number(event.currentTarget.value) } })} />
            </label>{' '}
            <label>
              longitude <input type="number" step="0.0001" value={draft.center.lng} onChange={(event) => onDraft({ ...draft, center: { ...draft.center, lng: Number(event.currentTarget.value) } })} />
            </label>
            <label class="radius">
              Radius: {draft.radiusMeters} m{' '}
              <input type="range" min={50} max={1500} step={25} value={draft.radiusMeters} onInput={(event) => onDraft({ ...draft, radiusMeters: Number(event.currentTarget.value) })} />
            </label>
            <label>
              Radius in metres <input type="number" min={1} value={draft.radiusMeters} onChange={(event) => onDraft({ ...draft, radiusMeters: Number(event.currentTarget.value) })} />
            </label>
          </>
        ) : (
          <p class="hint">
            Click the map to add corners ({draft.points.length} so far).{' '}
            <button type="button" onClick={() => onDraft({ kind: 'polygon', points: [] })}>
              Clear
            </button>
          </p>
        )}
      </fieldset>
      <label>
        Case number <input value={caseNumber} onInput={(event) => setCaseNumber(event.currentTarget.value)} />
      </label>
      <label>
        Incident type{' '}
        <select value={incidentType} onChange={(event) => setIncidentType(event.currentTarget.value)}>
          {INCIDENT_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </label>
      <label>
        Description <textarea rows={2} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <label>
        From (UTC) <input type="datetime-local" value={start} onInput={(event) => setStart(event.currentTarget.value)} />
      </label>
      <label>
        To (UTC) <input type="datetime-local" value={end} onInput={(event) => setEnd(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={sending || area === null}>
        {sending ? 'Sending…' : 'Send request'}
      </button>
      {refusal ? <Failure error={refusal} prefix="Refused" /> : null}
      {sent ? <p role="status">{sent}</p> : null}
    </form>
  );
}
