// Repeats measurements in interleaved rounds: every variant once per round, in an order that rotates each round,
// so a noisy spell of this shared machine hits every variant alike instead of one variant's whole series.

export interface Variant<T> {
  readonly name: string;
  run(round: number): Promise<T>;
}

/**
 * Runs `runs` rounds; returns each variant's values in round order. `describe` turns a value into the few
 * characters of the progress line logged after each round.
 */
export async function runRounds<T>(
  variants: readonly Variant<T>[],
  runs: number,
  log: (message: string) => void,
  describe: (value: T) => string,
): Promise<Map<string, T[]>> {
  const values = new Map<string, T[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < runs; round++) {
    const shift = round % variants.length;
    const order = [...variants.slice(shift), ...variants.slice(0, shift)];
    const parts: string[] = [];
    for (const variant of order) {
      const value = await variant.run(round);
      values.get(variant.name)?.push(value);
      parts.push(`${variant.name} ${describe(value)}`);
    }
    log(`round ${round + 1}/${runs}: ${parts.join(', ')}`);
  }
  return values;
}
