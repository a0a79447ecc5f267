/** Five classes of 受灾人口 (people affected), light to dark red; 0 is grey. */
export const affectedClasses = [
  { min: 1, colour: '#fde0c5' },
  { min: 100, colour: '#facba6' },
  { min: 500, colour: '#f59e72' },
  { min: 1000, colour: '#e0603a' },
  { min: 5000, colour: '#b3261e' },
] as const;

export function affectedColour(affected: number): string {
  let colour = '#c0c4cc';
  for (const step of affectedClasses) if (affected >= step.min) colour = step.colour;
  return colour;
}
