// Constants of the modeled clock (documented in docs/notes/engine.md). Values approximate an OT-2
// with default settings; they shape estimates and live-run pacing, never behaviour.
export const TIMING = {
  /** Gantry XY default speed (InstrumentContext.default_speed), mm/s. */
  gantrySpeed: 400,
  /** Z axes (Z, A) default max speed, mm/s. */
  zSpeed: 125,
  /** Extra clearance above the deck's tallest item on arcs between labware, mm. */
  arcClearance: 10,
  /** Margin above well tops on arcs inside one labware, mm (DEFAULT_IN_LABWARE_ARC_Z_MARGIN). */
  inLabwareArcMargin: 5,
  /** Smallest clearance over the tallest item before LabwareHeightError, mm (MINIMUM_Z_MARGIN). */
  minimumArcMargin: 1,
  /** The hardware's Z retract distance, subtracted from the Z home for the max height, mm. */
  zRetractDistance: 2,
  /** Z home height of both mounts (deck coordinates), mm. */
  mountHomeZ: 218,
  /** Fixed cost of picking up a tip (presses, shakes) and of dropping one, s. */
  pickUpTipS: 2.5,
  dropTipS: 2,
  /** Plunger home after a drop, blow-out reset, s. */
  plungerHomeS: 0.8,
  blowOutS: 0.6,
  /** Homing every axis (ctx.home) and one pipette (pipette.home), s. */
  homeAllS: 12,
  homePipetteS: 3,
  /** Temperature module ramps, °C/s. */
  tempModuleHeatRate: 0.25,
  tempModuleCoolRate: 0.1,
  /** Thermocycler block and lid ramps, °C/s. */
  tcBlockHeatRate: 2,
  tcBlockCoolRate: 1.5,
  tcLidHeatRate: 0.6,
  tcLidCoolRate: 0.3,
  tcLidMoveS: 15,
  magnetMoveS: 2,
  /** Heater-Shaker: heating and cooling, °C/s; reaching or leaving a shake speed, and the latch, s. */
  hsHeatRate: 0.2,
  hsCoolRate: 0.05,
  hsShakeRampS: 3,
  hsLatchS: 1,
  ambientC: 23,
} as const;
