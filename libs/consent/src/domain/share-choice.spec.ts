import { describe, expect, it } from '@jest/globals';
import { chooseRecordings } from './share-choice.js';

const offered = ['a', 'b', 'c'];

describe('what a share covers (invariant 3: shared means exactly what was consented to)', () => {
  it('shares every offered recording when none are named', () => {
    expect(chooseRecordings({ decision: 'share' }, offered)).toEqual({ ok: true, recordingIds: ['a', 'b', 'c'] });
  });

  it('shares exactly the named subset, once each, in offered order', () => {
    expect(chooseRecordings({ decision: 'share', recordingIds: ['c', 'a', 'c'] }, offered)).toEqual({ ok: true, recordingIds: ['a', 'c'] });
  });

  it('refuses an empty list', () => {
    expect(chooseRecordings({ decision: 'share', recordingIds: [] }, offered)).toMatchObject({ ok: false, code: 'RECORDINGS_EMPTY' });
  });

  it('refuses any recording that was not offered, naming it', () => {
    expect(chooseRecordings({ decision: 'share', recordingIds: ['a', 'z'] }, offered)).toMatchObject({
      ok: false,
      code: 'RECORDINGS_NOT_OFFERED',
      details: { notOffered: ['z'] },
    });
  });

  it('refuses to share all when every offered recording is gone', () => {
    expect(chooseRecordings({ decision: 'share' }, [])).toMatchObject({ ok: false, code: 'NOTHING_TO_SHARE' });
  });

  it('lets a decline name nothing', () => {
    expect(chooseRecordings({ decision: 'decline' }, offered)).toEqual({ ok: true, recordingIds: [] });
    expect(chooseRecordings({ decision: 'decline', recordingIds: ['a'] }, offered)).toMatchObject({ ok: false, code: 'DECLINE_WITH_RECORDINGS' });
  });
});
