import type { FeatureCollection, Geometry } from 'geojson';
import { geoBounds } from 'd3-geo';
import { useId, useMemo, useState } from 'preact/hooks';
import { answer, clientFor } from '../api.js';
import { areaPolygon, bboxParam, cellPolygon, circlePolygon, forD3 } from '../map/geometry.js';
import { CoverageLegend, TownMap } from '../map/town-map.js';
import { useClassroom, type DemoPerson } from '../shell/classroom.js';
import { Failure } from '../shell/failure.js';
import { useRealtime } from '../shell/realtime.js';
import { useLoaded } from '../shell/use-loaded.js';
import { useNow } from '../shell/use-now.js';
import { firstCircle, type AreaDraft } from './area-draft.js';
import { areaBody, RequestForm } from './request-form.js';
import { RequestCard } from './request-card.js';

/**
 * The officer's portal: the Active Law Enforcement Map with the k-anonymous coverage grid, a
 * request drawn on it, and the agency's requests with counts that update live.
 */
export function OfficerScreen({ token, person }: { token: string; person: DemoPerson }) {
  const requestsId = useId();
  const classroom = useClassroom();
  const client = useMemo(() => clientFor({ token }), [token]);
  const now = useNow();
  const town = classroom.town;
  const [draft, setDraft] = useState<AreaDraft>(() => firstCircle(town?.center));
  const agencies = useLoaded(() => answer(client.GET('/api/agencies/map')), [client, classroom.world]);
  // The demo town's frame in the sandbox; elsewhere the officer's own jurisdiction.
  const own = agencies.value?.features.find((feature) => feature.properties.id === person.agencyId);
  const bbox = town?.bbox ?? (own ? geoBounds(forD3(own.geometry as Geometry)).flat() : null);

  const policy = useLoaded(() => answer(client.GET('/api/policy')), [client, classroom.revision]);
  const coverage = useLoaded(
    async () => (bbox === null ? [] : answer(client.GET('/api/portal/coverage', { params: { query: { bbox: bboxParam(bbox) } } }))),
    [client, classroom.revision, bbox?.join()],
  );
  const requests = useLoaded(() => answer(client.GET('/api/portal/requests')), [client, classroom.revision]);
  const connection = useRealtime(token, { 'request.updated': () => requests.reload() });

  const cells = useMemo(() => (coverage.value ?? []).map((cell) => ({ ...cell, polygon: cellPolygon(cell.cell) })), [coverage.value]);
  const draftBody = areaBody(draft);
  const layers = bbox === null ? null : {
    streets: (town?.streets ?? { type: 'FeatureCollection', features: [] }) as FeatureCollection,
    bbox,
    jurisdictions: (agencies.value?.features ?? []).map((feature) => ({ name: feature.properties.name, geometry: forD3(feature.geometry as Geometry) })),
    cells,
    requestAreas: (requests.value?.items ?? [])
      .filter((request) => request.status === 'open')
      .map((request) => ({ id: request.id, label: `Case ${request.caseNumber}`, polygon: areaPolygon(request.area as never) })),
    draft: draftBody === null ? (draft.kind === 'circle' ? circlePolygon(draft.center, draft.radiusMeters) : null) : areaPolygon(draftBody as never),
  };
  const pick = (place: { lat: number; lng: number }) =>
    setDraft(draft.kind === 'circle' ? { ...draft, center: place } : { kind: 'polygon', points: [...draft.points, place] });

  return (
    <div class="screen officer-screen">
      <h2>
        {person.displayName} <span class="agency">{person.agencyName}</span>
      </h2>
      <p class="live" aria-live="polite">
        {connection === 'live' ? 'Live: counts update as owners answer.' : connection === 'refused' ? 'Live updates refused.' : 'Connecting…'}
      </p>
      {layers === null ? (
        <div>{agencies.state === 'failed' ? <Failure error={agencies.error} /> : <p>Loading the map…</p>}</div>
      ) : (
        <TownMap
          layers={layers}
          onPick={pick}
          busy={agencies.value === undefined || coverage.state === 'loading'}
          label={`Map of ${town ? town.name : 'your jurisdiction'}: agency jurisdictions, camera coverage cells and request areas`}
        >
          {coverage.state === 'failed' ? (
            <Failure error={coverage.error} prefix="No coverage map" />
          ) : (
            <CoverageLegend max={Math.max(1, ...cells.map((cell) => cell.count))} k={policy.value?.coverageKAnonymity ?? null} />
          )}
        </TownMap>
      )}
      {now ? <RequestForm client={client} now={now} center={town?.center} draft={draft} onDraft={setDraft} onCreated={requests.reload} /> : null}
      <section aria-labelledby={requestsId}>
        <h3 id={requestsId}>Your agency's requests</h3>
        {requests.state === 'failed' ? <Failure error={requests.error} /> : null}
        {requests.value?.items.length === 0 ? <p>No requests yet.</p> : null}
        {(requests.value?.items ?? []).map((request) => (
          <RequestCard key={request.id} client={client} request={request} onChanged={requests.reload} />
        ))}
      </section>
    </div>
  );
}
