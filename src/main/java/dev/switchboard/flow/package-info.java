/**
 * Flow files: the records a scenario is read into, their documented defaults, the loader that
 * reads JSON with Jackson and the validation errors it reports (file, line, column, field path),
 * and the list of sample flows shipped on the classpath.
 *
 * <p>Reading goes in two steps: {@code JsonTreeReader} turns text into a small tree that remembers
 * where each value is written, then {@code FlowReader} interprets that tree as a {@link
 * dev.switchboard.flow.Flow}, so every error can point at the exact place in the file.
 */
package dev.switchboard.flow;
