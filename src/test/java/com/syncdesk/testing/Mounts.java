package com.syncdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small tmpfs mounts for tests that need a read-only or a full file system. Root ignores file modes,
 * so only a mount makes a file really unwritable. Where mounting is impossible (no privilege, no
 * tmpfs) {@link #available()} is false and such tests are skipped.
 */
public final class Mounts {

    private static Boolean available;

    private Mounts() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            try {
                Path probe = Files.createTempDirectory("syncdesk-mount-probe");
                available = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.toString()) && run("umount", probe.toString());
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "8m") on {@code dir}, creating the folder. */
    public static void tmpfs(Path dir, String size) throws IOException {
        Files.createDirectories(dir);
        require(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()), "mount tmpfs on " + dir);
    }

    public static void remountReadOnly(Path dir) {
        require(run("mount", "-o", "remount,ro", dir.toString()), "remount " + dir + " read-only");
    }

    /** Unmounts, lazily if something still holds a file open; never throws, for finally blocks. */
    public static void unmount(Path dir) {
        if (!run("umount", dir.toString())) {
            run("umount", "-l", dir.toString());
        }
    }

    /** Fills the file system holding {@code dir} until at most {@code leaveBytes} are free. */
    public static Path fill(Path dir, long leaveBytes) throws IOException {
        Path filler = dir.resolve("filler.bin");
        long free = Files.getFileStore(dir).getUsableSpace();
        long size = Math.max(0, free - leaveBytes);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return filler;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Could not " + what);
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(20, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 && !output.isBlank()) {
                System.err.println(String.join(" ", command) + ": " + output.strip());
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
