package com.syncdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

/**
 * Renders a scene to PNG. Images go to target/screenshots; with -Dsyncdesk.screenshots=docs they go to
 * docs/screenshots, the images the README shows. Call on the JavaFX thread (robot.interact).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path folder() {
        return "docs".equals(System.getProperty("syncdesk.screenshots")) ? Path.of("docs", "screenshots") : Path.of("target", "screenshots");
    }

    public static Path save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        Path file = folder().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
