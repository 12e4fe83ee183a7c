/**
 * The vocabulary shared by flow files, the simulated system and its trace: which services and
 * links exist, the styles a link can have, an order's statuses and outcomes. No behaviour, no JavaFX.
 */
package dev.switchboard.model;
