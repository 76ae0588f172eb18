package com.syncdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.fxml.FXMLLoader;

/** Loads a view's FXML and hands back its controller. */
public final class Fxml {

    private Fxml() {
    }

    public static <C> C load(String resource) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource(resource));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + resource + " is missing or broken", e);
        }
        return loader.getController();
    }
}
