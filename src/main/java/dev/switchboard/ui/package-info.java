/**
 * The desktop window around the diagram: the JavaFX application, one controller per FXML view and
 * the view models between them and the engine. View models hold JavaFX properties and send
 * {@link dev.switchboard.trace.Command}s into the run; they read the run only through its trace and
 * never touch a control.
 */
package dev.switchboard.ui;
