/**
 * A deliberately small classifier for "descriptions by race alone" (Ring's 2021 rule): a
 * description is refused when it names a person by a race or ethnicity term followed within two
 * words by a person noun ("black man", "hispanic young male") and contains nothing else that
 * would single one person out: clothing, height or build, hair, marks, a vehicle or a carried
 * item. "Black man in a red hoodie" passes (the hoodie distinguishes), "black car" passes (no
 * person), "suspicious black teens walking around" does not. It errs towards letting a
 * description through: a word list cannot understand text, and a moderator sees every request.
 */
const RACE_TERMS = new Set([
  'black', 'white', 'african-american', 'hispanic', 'latino', 'latina', 'latinx', 'asian',
  'arab', 'middle-eastern', 'mexican', 'native-american', 'caucasian', 'brown',
]);

const PERSON_NOUNS = new Set([
  'man', 'men', 'woman', 'women', 'male', 'males', 'female', 'females', 'guy', 'guys', 'person',
  'people', 'individual', 'individuals', 'teen', 'teens', 'teenager', 'teenagers', 'kid', 'kids',
  'boy', 'boys', 'girl', 'girls', 'youth', 'youths', 'suspect', 'suspects', 'subject', 'adult',
]);

const DISTINGUISHERS = new Set([
  // clothing and carried items
  'wearing', 'shirt', 't-shirt', 'hoodie', 'sweatshirt', 'jacket', 'coat', 'vest', 'hat', 'cap',
  'beanie', 'hood', 'mask', 'pants', 'jeans', 'shorts', 'skirt', 'dress', 'uniform', 'shoes',
  'sneakers', 'boots', 'gloves', 'backpack', 'bag', 'carrying', 'glasses', 'sunglasses',
  // height and build
  'tall', 'short', 'height', 'ft', 'feet', 'inches', 'cm', 'heavy', 'heavyset', 'thin', 'slim',
  'skinny', 'stocky', 'build', 'muscular',
  // hair and marks
  'hair', 'beard', 'mustache', 'moustache', 'bald', 'braids', 'dreadlocks', 'ponytail', 'tattoo',
  'tattoos', 'tattooed', 'scar', 'piercing', 'limp',
  // vehicles
  'car', 'truck', 'van', 'vehicle', 'sedan', 'suv', 'pickup', 'bike', 'bicycle', 'motorcycle',
  'scooter', 'plate', 'license',
]);

/** Heights written as numbers: 5'10", 6 ft, 180cm. */
const NUMERIC_HEIGHT = /\d\s*(?:'|’|ft\b|feet\b|cm\b|in\b)/i;

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/african american/g, 'african-american')
    .replace(/middle eastern/g, 'middle-eastern')
    .replace(/native american/g, 'native-american')
    .split(/[^a-z-]+/)
    .filter(Boolean);

export function isRaceOnlyDescription(description: string): boolean {
  const tokens = words(description);
  const namesPersonByRace = tokens.some(
    (token, index) => RACE_TERMS.has(token) && tokens.slice(index + 1, index + 3).some((next) => PERSON_NOUNS.has(next)),
  );
  if (!namesPersonByRace) return false;
  return !NUMERIC_HEIGHT.test(description) && !tokens.some((token) => DISTINGUISHERS.has(token));
}
