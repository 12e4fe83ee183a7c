package dev.switchboard.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the labels of a scene that show less of their text than they have (an ellipsis, a clipped
 * word): what a user at that window size cannot read. Only labels that are shown count.
 */
public final class CutText {
    private final List<String> cut = new ArrayList<>();
    private int checked;

    private CutText() {
    }

    /** Checks every shown label under {@code root} (lay it out first). */
    public static CutText under(Node root) {
        CutText result = new CutText();
        result.visit(root);
        return result;
    }

    /** The labels cut short, each as "#id shows "…" of "…"". */
    public List<String> cut() {
        return cut;
    }

    /** How many shown labels were checked. */
    public int checked() {
        return checked;
    }

    private void visit(Node node) {
        check(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child);
            }
        }
    }

    private void check(Node node) {
        if (!(node instanceof Labeled labeled) || !isShown(node) || labeled.getText() == null || labeled.getText().isEmpty()) {
            return;
        }
        checked++;
        Node shown = labeled.lookup(".text");
        String full = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
        if (shown instanceof Text text && text.getParent() == labeled && !text.getText().equals(full)) {
            cut.add((node.getId() == null ? node.getStyleClass().toString() : "#" + node.getId()) + " shows \""
                    + text.getText() + "\" of \"" + labeled.getText() + "\"");
        }
    }

    private static boolean isShown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
