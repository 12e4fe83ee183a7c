/**
 * Compare mode in the window: two diagrams of one seeded workload on one virtual clock
 * ({@link dev.switchboard.compare.Comparison}), the figures side by side with the verdict, sliders
 * that change one side or both at the same virtual time, and presenter mode for the pair.
 */
package dev.switchboard.ui.compare;
