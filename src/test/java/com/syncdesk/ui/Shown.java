package com.syncdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What the operator actually sees of the controls: text JavaFX cut short, and nodes outside the window. */
public final class Shown {

    private Shown() {
    }

    /** True when the labeled's text is drawn cut (with an ellipsis), for lack of width or, when wrapping, of height. */
    public static boolean isCut(Labeled labeled) {
        if (labeled.getText() == null || labeled.getText().isEmpty()) {
            return false;
        }
        Node drawn = labeled.lookup(".text");
        return drawn instanceof Text text && !text.getText().equals(labeled.getText());
    }

    /** Every visible labeled under {@code root} whose text is cut with no tooltip telling it whole; cells carry their own. */
    public static List<String> cutTexts(Parent root) {
        List<String> cut = new ArrayList<>();
        collectCut(root, cut);
        return cut;
    }

    /** The texts of visible table cells under {@code root} that are drawn cut and match {@code which}. */
    public static List<String> cutCells(Parent root, Predicate<String> which) {
        return all(root).stream().filter(n -> n instanceof IndexedCell<?> && visible(n)).map(n -> (Labeled) n)
                .filter(cell -> cell.getText() != null && which.test(cell.getText()) && isCut(cell)).map(Labeled::getText).toList();
    }

    /** A cut text whose tooltip holds it whole is still readable. */
    private static boolean toldWhole(Labeled labeled) {
        return labeled.getTooltip() != null && labeled.getText().equals(labeled.getTooltip().getText());
    }

    private static void collectCut(Node node, List<String> cut) {
        if (!node.isVisible() || node instanceof Cell<?>) {
            return;
        }
        if (node instanceof Labeled labeled && isCut(labeled) && !toldWhole(labeled)) {
            cut.add(labeled.getClass().getSimpleName() + " \"" + labeled.getText() + "\"");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectCut(child, cut));
        }
    }

    /** Every node under {@code root}, the controls' own parts included. */
    public static List<Node> all(Parent root) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    public static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** True when the node lies wholly inside the scene, i.e. inside the window. */
    public static boolean insideTheWindow(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return bounds.getMinX() >= -0.5 && bounds.getMinY() >= -0.5 && bounds.getMaxX() <= node.getScene().getWidth() + 0.5
                && bounds.getMaxY() <= node.getScene().getHeight() + 0.5;
    }
}
