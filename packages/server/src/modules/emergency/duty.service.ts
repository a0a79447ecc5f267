import {
  DomainError,
  maskPhone,
  type DutyLogInput,
  type DutyShift,
  type DutyShiftInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { daysBetween } from '../../platform/dates.ts';
import type { Db } from '../../platform/db.ts';
import { assertMayWrite } from './emergency-scope.ts';
import type { DutyRepository, ShiftRecord, ShiftWrite } from './duty.repository.ts';
import type { IncidentsRepository } from './incidents.repository.ts';

const MAX_ROSTER_DAYS = 62;

export function createDutyService(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  duty: DutyRepository;
  incidents: IncidentsRepository;
}) {
  const { db, clock, cipher, duty, incidents } = deps;

  function present(record: ShiftRecord, auth: AuthContext): DutyShift {
    const phone = cipher.decrypt(record.phoneSealed);
    return {
      id: record.id,
      county: record.county,
      date: record.date,
      shift: record.shift,
      leader: record.leader,
      officer: record.officer,
      // As for teams' duty phones: those who dispatch see them whole.
      phone:
        auth.permissions.has('emergency:write') || auth.permissions.has('pi:view') ? phone : maskPhone(phone),
      demo: record.demo,
    };
  }

  function toWrite(auth: AuthContext, input: DutyShiftInput, previous: ShiftRecord | null): ShiftWrite {
    const county = input.county ?? null;
    assertMayWrite(auth.scope, county);
    const unchanged = previous && cipher.decrypt(previous.phoneSealed) === input.phone;
    return {
      county,
      date: input.date,
      shift: input.shift,
      leader: input.leader,
      officer: input.officer,
      phoneSealed: unchanged ? previous.phoneSealed : cipher.encrypt(input.phone),
    };
  }

  async function writableShift(auth: AuthContext, id: string): Promise<ShiftRecord> {
    const record = await duty.findShift(id, auth.scope);
    if (!record) throw new DomainError('emergency.duty_shift_not_found');
    assertMayWrite(auth.scope, record.county);
    return record;
  }

  return {
    async roster(auth: AuthContext, query: { from: string; to: string; county?: string | undefined }) {
      const days = daysBetween(query.from, query.to);
      if (days < 0 || days >= MAX_ROSTER_DAYS) throw new DomainError('emergency.duty_range_too_long');
      return (await duty.roster(auth.scope, query)).map((r) => present(r, auth));
    },

    async createShift(auth: AuthContext, input: DutyShiftInput) {
      const id = await duty.insertShift(db, toWrite(auth, input, null), false, clock.now());
      if (!id) throw new DomainError('emergency.duty_shift_taken');
      return present((await duty.findShift(id, auth.scope))!, auth);
    },

    async replaceShift(auth: AuthContext, id: string, input: DutyShiftInput) {
      const existing = await writableShift(auth, id);
      if (!(await duty.updateShift(id, toWrite(auth, input, existing), clock.now())))
        throw new DomainError('emergency.duty_shift_taken');
      return present((await duty.findShift(id, auth.scope))!, auth);
    },

    async removeShift(auth: AuthContext, id: string) {
      await writableShift(auth, id);
      await duty.removeShift(id);
    },

    log: (auth: AuthContext, query: Parameters<DutyRepository['log']>[1]) => duty.log(auth.scope, query),

    async addLog(auth: AuthContext, input: DutyLogInput) {
      const county = input.county ?? null;
      assertMayWrite(auth.scope, county);
      const now = clock.now();
      const at = input.at ? new Date(input.at) : now;
      if (at.getTime() > now.getTime()) throw new DomainError('emergency.log_in_future');
      if (input.incidentId && !(await incidents.find(input.incidentId, auth.scope)))
        throw new DomainError('emergency.linked_record_not_found', {
          fields: [{ path: 'incidentId', code: 'not_found', message: input.incidentId }],
        });
      const id = await duty.insertLog(
        db,
        { county, at, authorId: auth.userId, text: input.text, incidentId: input.incidentId ?? null },
        false,
        now,
      );
      return (await duty.log(auth.scope, { id, limit: 1 }))[0]!;
    },
  };
}

export type DutyService = ReturnType<typeof createDutyService>;
