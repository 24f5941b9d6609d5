import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry, MultiPoint, Polygon } from 'geojson';
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { unview, zoomAt, type LatLng, type View } from './geometry.js';
import { CATEGORY, countColour, DRAFT_AREA, REQUEST_AREA } from './palette.js';

const WIDTH = 600;
const HEIGHT = 480;

export interface MapLayers {
  streets: FeatureCollection;
  bbox: number[];
  jurisdictions?: { name: string; geometry: Geometry }[];
  cells?: { cell: string; count: number; polygon: Polygon }[];
  requestAreas?: { id: string; label: string; polygon: Polygon }[];
  draft?: Polygon | null;
}

/**
 * The town on SVG, drawn from the api's own GeoJSON (no tile server, so a class works offline):
 * streets, agency jurisdictions, the k-anonymous coverage cells, request areas and the area being
 * drawn. Drag to pan, wheel or buttons to zoom; a click (not a drag) picks a place.
 */
export function TownMap({
  layers,
  onPick,
  label,
  busy,
  children,
}: {
  layers: MapLayers;
  onPick?: (place: LatLng) => void;
  label: string;
  /** Some layer is still loading. */
  busy: boolean;
  children?: ComponentChildren;
}) {
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const drag = useRef<{ startX: number; startY: number; view: View; moved: boolean } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [west, south, east, north] = layers.bbox as [number, number, number, number];
  const projection = useMemo(() => {
    // Two corners, not a rectangle: a point set has no winding to get wrong (see forD3).
    const frame: MultiPoint = { type: 'MultiPoint', coordinates: [[west, south], [east, north]] };
    return geoMercator().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], frame);
  }, [west, south, east, north]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const maxCount = Math.max(1, ...(layers.cells ?? []).map((cell) => cell.count));

  /** The pointer's place in the SVG's own units (it is scaled to fit its box). */
  const svgPoint = (event: PointerEvent | WheelEvent): [number, number] => {
    const box = svg.current!.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT];
  };
  const zoomBy = (factor: number) => setView((current) => zoomAt(current, factor, WIDTH / 2, HEIGHT / 2));

  return (
    <figure class="town-map" aria-busy={busy}>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        onWheel={(event) => {
          event.preventDefault();
          const [px, py] = svgPoint(event);
          setView((current) => zoomAt(current, event.deltaY < 0 ? 1.25 : 0.8, px, py));
        }}
        onPointerDown={(event) => {
          drag.current = { startX: event.clientX, startY: event.clientY, view, moved: false };
          (event.currentTarget as Element).setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (start === null) return;
          const box = svg.current!.getBoundingClientRect();
          const dx = ((event.clientX - start.startX) / box.width) * WIDTH;
          const dy = ((event.clientY - start.startY) / box.height) * HEIGHT;
          if (Math.hypot(dx, dy) > 4) start.moved = true;
          if (start.moved) setView({ ...start.view, x: start.view.x + dx, y: start.view.y + dy });
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          drag.current = null;
          if (start === null || start.moved || onPick === undefined) return;
          const [px, py] = svgPoint(event);
          const place = projection.invert!(unview(view, px, py));
          if (place) onPick({ lat: Number(place[1].toFixed(6)), lng: Number(place[0].toFixed(6)) });
        }}
      >
        <rect width={WIDTH} height={HEIGHT} class="map-ground" />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`} style={{ strokeWidth: 1 / view.k }}>
          {(layers.jurisdictions ?? []).map((jurisdiction, index) => (
            <path key={jurisdiction.name} d={path(jurisdiction.geometry) ?? ''} class="jurisdiction" stroke={CATEGORY[index % CATEGORY.length]}>
              <title>{jurisdiction.name}</title>
            </path>
          ))}
          <path d={path(layers.streets) ?? ''} class="streets" />
          {(layers.cells ?? []).map((cell) => (
            <path key={cell.cell} d={path(cell.polygon) ?? ''} class="coverage-cell" fill={countColour(cell.count, maxCount)}>
              <title>{`${cell.count} cameras in this cell`}</title>
            </path>
          ))}
          {(layers.requestAreas ?? []).map((area) => (
            <path key={area.id} d={path(area.polygon) ?? ''} class="request-area" stroke={REQUEST_AREA}>
              <title>{area.label}</title>
            </path>
          ))}
          {layers.draft ? <path d={path(layers.draft) ?? ''} class="draft-area" stroke={DRAFT_AREA} /> : null}
        </g>
      </svg>
      <figcaption>
        <span class="map-zoom">
          <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => setView({ k: 1, x: 0, y: 0 })}>
            Whole town
          </button>
        </span>
        {children}
      </figcaption>
    </figure>
  );
}

/** The coverage legend: what a cell's colour means, and the policy's k. */
export function CoverageLegend({ max, k }: { max: number; k: number | null }) {
  const steps = [...new Set([1, Math.ceil(max / 2), max])].filter((count) => count >= 1);
  return (
    <span class="legend">
      Cameras per cell:{' '}
      {steps.map((count) => (
        <span key={count} class="legend-item">
          <span class="swatch" style={{ background: countColour(count, max) }} aria-hidden="true" /> {count}
        </span>
      ))}{' '}
      {k !== null ? `(cells with fewer than ${k} are hidden)` : null}
    </span>
  );
}
