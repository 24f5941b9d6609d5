import { describe, expect, it } from '@jest/globals';
import { MAX_RECORDING_SECONDS, recordingProblem } from './recording-rules.js';

const NOW = new Date('2030-01-01T12:00:00Z');
const before = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('recording rules', () => {
  it('accepts a clip of one second up to one hour that ends by now', () => {
    expect(recordingProblem(before(1), NOW, NOW)).toBeNull();
    expect(recordingProblem(before(MAX_RECORDING_SECONDS), NOW, NOW)).toBeNull();
  });

  it('refuses a clip that does not end after it starts, as invalid input', () => {
    expect(recordingProblem(before(10), before(10), NOW)).toMatchObject({ kind: 'invalid', code: 'RECORDING_ENDS_BEFORE_START' });
    expect(recordingProblem(before(10), before(20), NOW)).toMatchObject({ kind: 'invalid', code: 'RECORDING_ENDS_BEFORE_START' });
  });

  it('refuses a clip a millisecond over one hour', () => {
    const start = new Date(before(MAX_RECORDING_SECONDS).getTime() - 1);
    expect(recordingProblem(start, NOW, NOW)).toMatchObject({ kind: 'rule', code: 'RECORDING_TOO_LONG' });
  });

  it('refuses a clip that ends a millisecond after now', () => {
    expect(recordingProblem(before(10), new Date(NOW.getTime() + 1), NOW)).toMatchObject({ kind: 'rule', code: 'RECORDING_IN_FUTURE' });
  });
});
