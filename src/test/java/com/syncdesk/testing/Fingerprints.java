package com.syncdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of files and of whole folders, to prove an input was left byte for byte as it was. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file under {@code root} (relative path to hash); a missing path gives an empty map. */
    public static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        if (Files.isRegularFile(root)) {
            files.put(root.getFileName().toString(), sha256(root));
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(root.relativize(f).toString(), sha256(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
