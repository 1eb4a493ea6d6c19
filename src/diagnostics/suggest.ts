/**
 * What a misspelt name most likely meant, among `known`: the same letters once underscores and case are set aside
 * (`onmessage`, `Runtime`), else the closest within 2 edits. Null where nothing is that close.
 */
export function closestName(name: string, known: readonly string[]): string | null {
  const squashed = squash(name);
  const same = known.find((candidate) => squash(candidate) === squashed);
  if (same) return same;
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function squash(name: string): string {
  return name.replace(/_/g, "").toLowerCase();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
