/**
 * The two things a threat-zone needs from a dispersion model, for a receptor at ground level: the
 * concentration on the downwind axis at distance x and the crosswind spread σy there. The plume and
 * the puff both reduce to this, so one isopleth routine serves both.
 */
export interface GroundCentreline {
  /** Ground-level concentration (kg/m³) on the downwind axis at x (m), x > 0. */
  readonly concentrationAt: (x: number) => number;
  /** Crosswind σy (m) at x (m). */
  readonly sigmaYAt: (x: number) => number;
  /** True when the source is above ground: the axis concentration then rises before it falls. */
  readonly elevated: boolean;
}
