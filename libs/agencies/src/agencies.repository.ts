import type { MultiPolygon } from '@app/geo';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { containsPattern, type AgencySearch, type AgencyStats } from './domain/agency.js';
import { AgencyEntity } from './entities/agency.entity.js';

export type NewAgency = Omit<AgencyEntity, 'id'>;

/** An agency as the public sees it: profile, jurisdiction and statistics. */
export type AgencyView = Omit<AgencyEntity, 'createdAt'> & { stats: AgencyStats };

interface ViewRow {
  id: string;
  name: string;
  kind: AgencyEntity['kind'];
  city: string;
  state: string;
  zip: string;
  partner_since: string;
  jurisdiction: MultiPolygon;
  officers: number;
  requests_made: number;
  owners_asked: number;
  shares: number;
}

// Statistics are computed per read, so they can never drift; per agency row they are index
// lookups (footage_request by agency, request_recipient by request), so the map is still one
// statement for all its agencies. Officers and requests are read through the views identity
// and requests publish (identity_user, requests_request, requests_recipient): requests sits
// above agencies, so it cannot be asked, and a view keeps the map one statement.
// - requestsMade counts deleted requests too: deleting hides a request from the agency's own
//   lists, never from the public, or deleting would be a way to shrink the public record.
// - ownersAsked counts recipients: an owner asked by two requests was asked twice.
// - shares counts consents given, withdrawn ones included: police had that footage until the
//   withdrawal, so the share happened.
const VIEW = `
  SELECT a.id, a.name, a.kind, a.city, a.state, a.zip,
         to_char(a.partner_since, 'YYYY-MM-DD') AS partner_since,
         ST_AsGeoJSON(a.jurisdiction)::json AS jurisdiction,
         (SELECT count(*)::int FROM identity_user u WHERE u.agency_id = a.id AND u.role = 'officer') AS officers,
         (SELECT count(*)::int FROM requests_request r WHERE r.agency_id = a.id) AS requests_made,
         recipients.owners_asked, recipients.shares
    FROM agency a
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS owners_asked,
             count(*) FILTER (WHERE rr.consent_state IN ('given', 'withdrawn'))::int AS shares
        FROM requests_request r
        JOIN requests_recipient rr ON rr.request_id = r.id
       WHERE r.agency_id = a.id
    ) AS recipients`;

const toView = (row: ViewRow): AgencyView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  city: row.city,
  state: row.state,
  zip: row.zip,
  partnerSince: row.partner_since,
  jurisdiction: row.jurisdiction,
  stats: { officers: row.officers, requestsMade: row.requests_made, ownersAsked: row.owners_asked, shares: row.shares },
});

@Injectable()
export class AgenciesRepository {
  async insert(manager: EntityManager, agency: NewAgency): Promise<string> {
    const saved = await manager.save(manager.create(AgencyEntity, agency));
    return saved.id;
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.exists(AgencyEntity, { where: { id } });
  }

  async findView(manager: EntityManager, id: string): Promise<AgencyView | null> {
    const rows: ViewRow[] = await manager.query(`${VIEW} WHERE a.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Every agency matching all the given filters, by name. */
  async search(manager: EntityManager, filter: AgencySearch): Promise<AgencyView[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.zip !== undefined) where.push(`a.zip = ${param(filter.zip)}`);
    if (filter.q !== undefined) {
      const pattern = param(containsPattern(filter.q));
      where.push(`(a.name ILIKE ${pattern} ESCAPE '\\' OR a.city ILIKE ${pattern} ESCAPE '\\')`);
    }
    if (filter.bbox !== undefined) {
      const { minLng, minLat, maxLng, maxLat } = filter.bbox;
      // On geography so that the GiST index on jurisdiction serves it.
      where.push(
        `ST_Intersects(a.jurisdiction, ST_MakeEnvelope(${param(minLng)}, ${param(minLat)}, ${param(maxLng)}, ${param(maxLat)}, 4326)::geography)`,
      );
    }
    const rows: ViewRow[] = await manager.query(
      `${VIEW} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.name, a.id`,
      params,
    );
    return rows.map(toView);
  }
}
