/**
 * Flow files: the records a scenario is read into, their documented defaults, the loader that
 * reads JSON with Jackson and the validation errors it reports (file, line, column, field path).
 */
package dev.switchboard.flow;
