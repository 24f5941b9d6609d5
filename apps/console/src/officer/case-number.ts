/** The case number after `caseNumber`: its last run of digits plus one (`PF-2030-01-01-9` → `-10`), or `-2` appended. */
export function nextCaseNumber(caseNumber: string): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(caseNumber);
  if (match === null) return `${caseNumber}-2`;
  const [, head, digits, tail] = match;
  return `${head}${String(Number(digits) + 1).padStart(digits!.length, '0')}${tail}`;
}
