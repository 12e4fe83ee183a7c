package dev.switchboard.ui.diagram;

/** What a token travelling on the diagram stands for; each kind has its own shape and colour. */
public enum TokenKind {
    /** A sync request on its way to the callee (blue circle). */
    REQUEST,
    /** A sync reply that answered the question: OK or out of stock (green diamond). */
    REPLY,
    /** A sync reply that carries a failure: ERROR or UNAVAILABLE (red diamond). */
    REPLY_FAILED,
    /** A message to or from the broker queue (amber square). */
    QUEUE_MESSAGE,
    /** A MealReady event to or from the topic (purple triangle). */
    EVENT,
    /** A consumer's acknowledgement on its way back to the broker (small grey dot). */
    ACK
}
