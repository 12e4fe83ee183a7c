/**
 * The why-window (View → Why did it take so long?): the live sequence diagram, one order's
 * waterfall and the live charts with the report's summary, all drawn from the folds in
 * {@link dev.switchboard.spans} that {@link dev.switchboard.ui.why.WhyViewModel} keeps up to date.
 */
package dev.switchboard.ui.why;
