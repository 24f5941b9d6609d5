import { AuditService } from '@app/audit';
import { actorOf, type AuthUser } from '@app/auth';
import { Clock } from '@app/clock';
import { assertValidGeometry, toMultiPolygon, type PolygonalGeometry } from '@app/geo';
import { type NewAgencyMember, type UserEntity, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AgenciesRepository, type AgencyView } from './agencies.repository.js';
import type { AgencyKind, AgencySearch } from './domain/agency.js';
import { AgencyNotFoundError, MemberAdditionForbiddenError } from './agencies.errors.js';
import { AGENCY_CREATED } from './agencies.events.js';

export interface AgencyInput {
  name: string;
  kind: AgencyKind;
  city: string;
  state: string;
  zip: string;
  jurisdiction: PolygonalGeometry;
  /** `YYYY-MM-DD`. */
  partnerSince: string;
}

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agencies: AgenciesRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new partner agency; its jurisdiction must be a valid (multi)polygon, kept as a MultiPolygon. */
  create(admin: AuthUser, input: AgencyInput): Promise<AgencyView> {
    return this.dataSource.transaction(async (manager) => {
      await assertValidGeometry(manager, input.jurisdiction, 'jurisdiction');
      const { name, kind, city, state, zip, partnerSince } = input;
      const profile = { name, kind, city, state, zip, partnerSince };
      const id = await this.agencies.insert(manager, {
        ...profile,
        jurisdiction: toMultiPolygon(input.jurisdiction),
        createdAt: await this.clock.now(manager),
      });
      await this.audit.record(manager, { actor: actorOf(admin), action: AGENCY_CREATED, subject: `agency:${id}`, data: profile });
      return (await this.agencies.findView(manager, id))!;
    });
  }

  async profile(id: string): Promise<AgencyView> {
    const agency = await this.agencies.findView(this.dataSource.manager, id);
    if (!agency) throw new AgencyNotFoundError();
    return agency;
  }

  map(filter: AgencySearch): Promise<AgencyView[]> {
    return this.agencies.search(this.dataSource.manager, filter);
  }

  /**
   * An officer or agency admin joins an agency. Admins may add to any agency; an agency admin
   * only to their own, and another agency answers exactly like a missing one.
   */
  async addMember(actor: AuthUser, agencyId: string, input: NewAgencyMember): Promise<UserEntity> {
    if (actor.role !== 'admin' && actor.role !== 'agency_admin') {
      throw new MemberAdditionForbiddenError();
    }
    const ownAgency = actor.role === 'admin' || actor.agencyId === agencyId;
    if (!ownAgency || !(await this.agencies.exists(this.dataSource.manager, agencyId))) throw new AgencyNotFoundError();
    return this.users.createAgencyMember(actor, agencyId, input);
  }
}
