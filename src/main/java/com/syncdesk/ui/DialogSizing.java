package com.syncdesk.ui;

import java.util.function.DoubleSupplier;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a dialog on its screen: its content scrolls inside a pane that never asks for more height than the screen
 * leaves beside the header and the buttons, and the window is moved to lie within the screen's visible area, so the
 * buttons stay in reach (a downgrade's SQL preview made one 993 px high on a 900 px screen).
 */
public final class DialogSizing {

    /** Room for the window's title bar, the dialog's header and its button bar. */
    private static final double CHROME = 220;

    private DialogSizing() {
    }

    /** Call once the dialog's content is set, before it is shown. */
    public static void fitToScreen(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        Node content = pane.getContent();
        if (content != null && !(content instanceof ScrollPane)) {
            pane.setContent(new ScreenHighScroll(content, () -> screenOf(dialog.getOwner()).getHeight() - CHROME));
        }
        dialog.setOnShown(event -> keepOnScreen(pane.getScene().getWindow()));
        pane.heightProperty().addListener((obs, old, now) -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                keepOnScreen(pane.getScene().getWindow());
            }
        });
    }

    /** Shrinks and moves the window to lie within the visible area of the screen it is mostly on. */
    public static void keepOnScreen(Window window) {
        if (!window.isShowing() || Double.isNaN(window.getX() + window.getY() + window.getWidth() + window.getHeight())) {
            return;
        }
        Rectangle2D screen = screenOf(window);
        if (window.getWidth() > screen.getWidth()) {
            window.setWidth(screen.getWidth());
        }
        if (window.getHeight() > screen.getHeight()) {
            window.setHeight(screen.getHeight());
        }
        window.setX(Math.clamp(window.getX(), screen.getMinX(), Math.max(screen.getMinX(), screen.getMaxX() - window.getWidth())));
        window.setY(Math.clamp(window.getY(), screen.getMinY(), Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight())));
    }

    private static Rectangle2D screenOf(Window window) {
        if (window == null || Double.isNaN(window.getX() + window.getY())) {
            return Screen.getPrimary().getVisualBounds();
        }
        return Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()), Math.max(1, window.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Scrolls its content and asks for no more height than the screen allows, so sizeToScene never outgrows the screen. */
    private static final class ScreenHighScroll extends ScrollPane {
        private final DoubleSupplier most;

        ScreenHighScroll(Node content, DoubleSupplier most) {
            super(content);
            this.most = most;
            setFitToWidth(true);
            getStyleClass().addAll("dialog-scroll", "edge-to-edge");
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.min(super.computePrefHeight(width), Math.max(120, most.getAsDouble()));
        }
    }
}
