/**
 * Switchboard: a desktop lab that makes inter-service communication visible. {@link
 * dev.switchboard.Launcher} starts the window or the headless runner; the subpackages hold the
 * engine ({@code sim}), the vocabulary ({@code model}), flow files ({@code flow}), the simulated
 * system ({@code system}), its trace ({@code trace}), the runner ({@code cli}) and the window ({@code ui}).
 */
package dev.switchboard;
