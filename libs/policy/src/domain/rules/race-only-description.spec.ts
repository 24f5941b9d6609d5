import { describe, expect, it } from '@jest/globals';
import { isRaceOnlyDescription } from './race-only-description.js';

describe('description by race alone', () => {
  it.each([
    'Suspicious black man walking around the block',
    'Two Hispanic males seen near the school',
    'white guy looking into windows',
    'An African American teen was hanging around',
    'middle eastern young man loitering',
    'Asian woman',
  ])('is refused when race and a person noun are all there is: %p', (description) => {
    expect(isRaceOnlyDescription(description)).toBe(true);
  });

  it.each([
    'Black man in a red hoodie and grey jeans',
    'White male, about 6 ft, with a beard',
    "Hispanic woman, 5'4\", carrying a large bag",
    'Asian teen with a neck tattoo on a blue bicycle',
    'Man in a black jacket took the package',
    'black car parked across the driveway overnight',
    'White van circling the block',
    'Package stolen from porch',
    '',
  ])('is accepted when something else singles the person out, or no person is described by race: %p', (description) => {
    expect(isRaceOnlyDescription(description)).toBe(false);
  });
});
